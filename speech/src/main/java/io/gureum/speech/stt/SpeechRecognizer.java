package io.gureum.speech.stt;

import io.gureum.core.Problem;
import io.gureum.speech.audio.Audio;
import java.util.Set;

/**
 * One speech-to-text engine ({@code sphinx}, {@code whisper}, {@code vosk}). It transcribes one stretch of speech
 * at a time; splitting long audio at silences, decoding stretches in parallel and streaming are done around it by
 * {@link Transcriber}, so every engine gets them. Engines are thread-safe (a pool of decoders inside when the
 * native decoder is not).
 */
public interface SpeechRecognizer extends AutoCloseable {
    /** The engine's name in requests ({@code engine=sphinx}). */
    String name();

    /** BCP 47 language tags it can transcribe with what is installed now (e.g. {@code en-US}). */
    Set<String> languages();

    /**
     * Whether its model is here. {@link #transcribe} of an engine that is not throws a 503 problem saying exactly
     * what to install or put where.
     */
    boolean installed();

    /**
     * The 503 problem that says exactly what to install or put where, for when {@link #installed()} is false.
     */
    default Problem notInstalled() {
        return Problem.modelNotInstalled(model(), "gureum models install " + model());
    }

    /** The model it uses, for responses ({@code id@version}, or the user's file). */
    String model();

    /**
     * Transcribes one stretch of speech.
     *
     * @param speech   mono audio at {@link Audio#SPEECH_RATE}
     * @param language a tag from {@link #languages()}, or null for the engine's default (or its own detection)
     * @return times in the result are seconds from the start of {@code speech}
     */
    Transcript transcribe(Audio speech, String language);

    @Override
    default void close() {}
}
