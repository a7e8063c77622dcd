package io.gureum.server.speech;

import io.gureum.core.Problem;
import io.gureum.core.Service;
import io.gureum.platform.keys.ApiKey;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.JsonBodies;
import io.gureum.server.metering.Metering;
import io.gureum.speech.audio.Ffmpeg;
import io.gureum.speech.audio.WavWriter;
import io.gureum.speech.tts.PcmSink;
import io.gureum.speech.tts.SynthesisRequest;
import io.gureum.speech.tts.TextToSpeech;
import io.gureum.speech.tts.Voice;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text-to-speech: {@code POST /v1/speech/synthesize} answers with audio streamed as it is spoken (chunked
 * transfer, sentence by sentence), so the first sound arrives long before a long text is done; {@code GET
 * /v1/speech/voices} lists the voices. Billed in characters of text (SSML markup not counted), when the request
 * is valid.
 */
public final class SynthesisRoutes {
    /** Output formats and their media types; ogg and mp3 are encoded by ffmpeg as the samples come. */
    private static final Map<String, String> FORMATS = Map.of(
            "wav", "audio/wav", "pcm", "audio/L16", "ogg", "audio/ogg", "mp3", "audio/mpeg");

    private final TextToSpeech tts;
    private final Ffmpeg ffmpeg;
    private final Metering metering;
    private final JsonBodies bodies;

    public SynthesisRoutes(TextToSpeech tts, Ffmpeg ffmpeg, Metering metering, JsonBodies bodies) {
        this.tts = tts;
        this.ffmpeg = ffmpeg;
        this.metering = metering;
        this.bodies = bodies;
    }

    public record Voices(List<Voice> voices) {}

    /** The request body; rate, pitch and volume default to 1, 0 and 1 (see {@link SynthesisRequest}). */
    public record SynthesizeBody(String text, String ssml, String voice, String format, Double rate, Double pitch, Double volume) {}

    public void register(Javalin app) {
        app.post("/v1/speech/synthesize", this::synthesize);
        app.get("/v1/speech/voices", ctx -> {
            ApiAccess.requireScope(ctx, Service.TEXT_TO_SPEECH.scope());
            String language = ctx.queryParam("language");
            List<Voice> voices = tts.voices();
            if (language != null && !language.isBlank()) {
                String wanted = language.toLowerCase(Locale.ROOT);
                voices = voices.stream().filter(v -> {
                    String l = v.language().toLowerCase(Locale.ROOT);
                    return l.equals(wanted) || l.startsWith(wanted + "-");
                }).toList();
            }
            ctx.json(new Voices(voices));
        });
    }

    private void synthesize(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.TEXT_TO_SPEECH.scope());
        SynthesizeBody body = bodies.read(ctx, SynthesizeBody.class);
        SynthesisRequest request = new SynthesisRequest(body.text(), body.ssml(), body.voice(),
                orElse(body.rate(), 1), orElse(body.pitch(), 0), orElse(body.volume(), 1));
        String format = body.format() == null ? "wav" : body.format().toLowerCase(Locale.ROOT);
        if (!FORMATS.containsKey(format)) {
            throw Problem.invalid("'format' must be one of wav, pcm, ogg, mp3; got '" + format + "'");
        }
        if ((format.equals("ogg") || format.equals("mp3")) && !ffmpeg.available()) {
            throw new Problem(415, "unsupported_audio_format", "Unsupported audio format",
                    "Encoding " + format + " needs ffmpeg, which is not installed on this server (" + Ffmpeg.INSTALL_COMMAND
                            + "); wav and pcm work without it.", Map.of("installCommand", Ffmpeg.INSTALL_COMMAND));
        }
        int characters = tts.billableCharacters(request); // validates everything before any audio is sent
        metering.meter(ctx, key, Service.TEXT_TO_SPEECH, "synthesize", characters, () -> {
            try {
                stream(ctx, request, format);
            } catch (IOException clientWentAway) {
                throw new UncheckedIOException(clientWentAway);
            }
            return new Metering.Outcome<>(null, 200, true);
        });
    }

    /** Writes the response as the samples come: status and headers first, then each chunk, flushed. */
    private void stream(Context ctx, SynthesisRequest request, String format) throws IOException {
        OutputStream out = ctx.res().getOutputStream();
        OutputStream[] encoder = new OutputStream[1];
        tts.synthesize(request, new PcmSink() {
            @Override
            public void start(int sampleRate) throws IOException {
                ctx.status(200);
                ctx.res().setContentType(format.equals("pcm") ? "audio/L16; rate=" + sampleRate + "; channels=1" : FORMATS.get(format));
                ctx.header("X-Sample-Rate", Integer.toString(sampleRate));
                switch (format) {
                    case "wav" -> out.write(WavWriter.streamingHeader(sampleRate, 1));
                    case "ogg", "mp3" -> encoder[0] = ffmpeg.encoder(format, sampleRate, out);
                    default -> { }
                }
                out.flush();
            }

            @Override
            public void write(short[] samples, int count) throws IOException {
                byte[] bytes = new byte[count * 2];
                for (int i = 0; i < count; i++) {
                    bytes[2 * i] = (byte) samples[i];
                    bytes[2 * i + 1] = (byte) (samples[i] >> 8);
                }
                if (encoder[0] != null) {
                    encoder[0].write(bytes);
                    encoder[0].flush();
                } else {
                    out.write(bytes);
                    out.flush();
                }
            }
        });
        if (encoder[0] != null) encoder[0].close();
        out.flush();
    }

    private static double orElse(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
