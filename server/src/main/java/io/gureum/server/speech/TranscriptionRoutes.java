package io.gureum.server.speech;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.core.Service;
import io.gureum.platform.keys.ApiKey;
import io.gureum.platform.operations.NewOperation;
import io.gureum.platform.operations.OperationService;
import io.gureum.platform.operations.Submitted;
import io.gureum.platform.webhooks.WebhookPolicy;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.MediaRequest;
import io.gureum.server.metering.Metering;
import io.gureum.server.operations.OperationRoutes;
import io.gureum.speech.audio.Audio;
import io.gureum.speech.audio.AudioDecoder;
import io.gureum.speech.stt.SpeechRecognizer;
import io.gureum.speech.stt.Transcriber;
import io.gureum.speech.stt.Transcription;
import io.gureum.speech.stt.TranscriptionOptions;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * Speech-to-text: {@code POST /v1/speech/transcriptions} transcribes up to {@value #SYNC_LIMIT_SECONDS} s of audio
 * at once; longer audio, or a request with {@code Prefer: respond-async}, becomes an operation with progress.
 * {@code GET /v1/speech/engines} lists the engines, whether their models are here, and their languages. Billed in
 * seconds of audio (rounded up), when the audio is accepted.
 */
public final class TranscriptionRoutes {
    /** Longer audio is always transcribed as an operation: a client should not hold a request open for minutes. */
    public static final int SYNC_LIMIT_SECONDS = 60;
    private static final Set<String> OPTIONS = Set.of("engine", "language", "webhookUrl");

    private final Transcriber transcriber;
    private final AudioDecoder decoder;
    private final OperationService operations;
    private final WebhookPolicy webhooks;
    private final Metering metering;
    private final ObjectMapper json;

    public TranscriptionRoutes(Transcriber transcriber, AudioDecoder decoder, OperationService operations, WebhookPolicy webhooks,
                               Metering metering, ObjectMapper json) {
        this.transcriber = transcriber;
        this.decoder = decoder;
        this.operations = operations;
        this.webhooks = webhooks;
        this.metering = metering;
        this.json = json;
    }

    /** An engine as listed by {@code GET /v1/speech/engines}. */
    public record EngineInfo(String name, boolean installed, String model, List<String> languages, boolean isDefault) {}

    public record Engines(List<EngineInfo> engines) {}

    /** What a transcription operation stores: the audio as sent and the request's choices. */
    public record TranscribeInput(byte[] audio, String contentType, String engine, String language) {}

    public void register(Javalin app) {
        app.post("/v1/speech/transcriptions", this::transcribe);
        app.get("/v1/speech/engines", ctx -> {
            ApiAccess.requireScope(ctx, Service.SPEECH_TO_TEXT.scope());
            SpeechRecognizer first = transcriber.engine(null);
            ctx.json(new Engines(transcriber.engines().stream()
                    .map(e -> new EngineInfo(e.name(), e.installed(), e.model(), e.languages().stream().sorted().toList(), e == first))
                    .toList()));
        });
    }

    private void transcribe(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.SPEECH_TO_TEXT.scope());
        MediaRequest request = MediaRequest.read(ctx, json, MediaRequest.Kind.AUDIO, List.of("audio"), OPTIONS);
        TranscriptionOptions options = new TranscriptionOptions(request.text("engine").orElse(null), request.text("language").orElse(null));
        SpeechRecognizer engine = transcriber.engineFor(options);
        String webhookUrl = request.text("webhookUrl").orElse(null);
        if (webhookUrl != null) webhooks.validate(webhookUrl);

        byte[] bytes = request.bytes("audio");
        Audio audio = decoder.decode(bytes, request.contentType()); // decodable and within limits before accepting
        long seconds = Math.max(1, (long) Math.ceil(audio.seconds()));
        if (OperationRoutes.prefersAsync(ctx) || audio.seconds() > SYNC_LIMIT_SECONDS || webhookUrl != null) {
            byte[] input = inputOf(new TranscribeInput(bytes, request.contentType(), engine.name(), options.language()));
            Submitted submitted = metering.meter(ctx, key, Service.SPEECH_TO_TEXT, "transcriptions", seconds, () -> {
                Submitted s = operations.submit(new NewOperation(key.projectId(), TranscribeOperation.KIND, input,
                        ctx.header("Idempotency-Key"), webhookUrl));
                return new Metering.Outcome<>(s, 202, s.created());
            });
            if (OperationRoutes.prefersAsync(ctx)) ctx.header("Preference-Applied", "respond-async");
            OperationRoutes.accepted(ctx, submitted);
            return;
        }
        Transcription result = metering.meter(ctx, key, Service.SPEECH_TO_TEXT, "transcriptions", seconds,
                () -> new Metering.Outcome<>(transcriber.transcribe(audio, options, Transcriber.Progress.NONE), 200, true));
        ctx.json(result);
    }

    private byte[] inputOf(TranscribeInput input) {
        try {
            return json.writeValueAsBytes(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
