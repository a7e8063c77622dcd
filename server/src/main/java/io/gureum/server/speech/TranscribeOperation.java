package io.gureum.server.speech;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.platform.operations.OperationContext;
import io.gureum.platform.operations.OperationHandler;
import io.gureum.server.http.Json;
import io.gureum.speech.audio.Audio;
import io.gureum.speech.audio.AudioDecoder;
import io.gureum.speech.stt.Transcriber;
import io.gureum.speech.stt.TranscriptionOptions;

/** Transcribes stored audio, reporting the share of its speech decoded as progress. */
public final class TranscribeOperation implements OperationHandler {
    public static final String KIND = "speech.transcribe";

    private final Transcriber transcriber;
    private final AudioDecoder decoder;
    private final ObjectMapper json = Json.newMapper();

    public TranscribeOperation(Transcriber transcriber, AudioDecoder decoder) {
        this.transcriber = transcriber;
        this.decoder = decoder;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] run(OperationContext context) throws Exception {
        TranscriptionRoutes.TranscribeInput input = json.readValue(context.input(), TranscriptionRoutes.TranscribeInput.class);
        Audio audio = decoder.decode(input.audio(), input.contentType());
        return json.writeValueAsBytes(transcriber.transcribe(audio, new TranscriptionOptions(input.engine(), input.language()),
                new Transcriber.Progress() {
                    @Override
                    public void update(double done) {
                        context.progress(done);
                    }

                    @Override
                    public boolean canceled() {
                        return context.canceled();
                    }
                }));
    }
}
