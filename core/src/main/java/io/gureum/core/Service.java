package io.gureum.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * The billable services. The name is also the key scope that grants access to it
 * and the key in a key's {@code quotas} map.
 */
public enum Service {
    LANGUAGE("language", UsageUnit.CHARACTERS),
    VISION("vision", UsageUnit.IMAGES),
    OCR("ocr", UsageUnit.PAGES),
    /** Transcription, billed by the second of audio as the clouds do (AWS Transcribe, Azure Speech). */
    SPEECH_TO_TEXT("speech-to-text", UsageUnit.AUDIO_SECONDS),
    /** Synthesis, billed by the character of text (Polly, Azure TTS); SSML markup is not counted. */
    TEXT_TO_SPEECH("text-to-speech", UsageUnit.CHARACTERS),
    /** Chatbots: billed by the message parsed or answered (Lex and Dialogflow bill per request). */
    CHATBOT("chatbot", UsageUnit.MESSAGES),
    /** AutoML experiments, billed by the second of search budget asked for (Vertex and SageMaker bill training time). */
    AUTOML("automl", UsageUnit.TRAINING_SECONDS),
    /**
     * Predictions from saved AutoML models, billed by the row. A key with only this scope can predict but not train,
     * for the application that calls a deployed model; an {@code automl} key may predict too.
     */
    AUTOML_PREDICTION("automl-prediction", UsageUnit.ROWS);

    private final String scope;
    private final UsageUnit unit;

    Service(String scope, UsageUnit unit) {
        this.scope = scope;
        this.unit = unit;
    }

    public String scope() { return scope; }
    public UsageUnit unit() { return unit; }

    public static Optional<Service> byScope(String scope) {
        return Arrays.stream(values()).filter(s -> s.scope.equals(scope)).findFirst();
    }
}
