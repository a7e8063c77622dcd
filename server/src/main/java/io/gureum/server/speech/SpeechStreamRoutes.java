package io.gureum.server.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.core.Problem;
import io.gureum.core.Service;
import io.gureum.platform.keys.ApiKey;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.metering.Metering;
import io.gureum.speech.audio.Audio;
import io.gureum.speech.stt.SpeechRecognizer;
import io.gureum.speech.stt.StreamingTranscription;
import io.gureum.speech.stt.Transcriber;
import io.gureum.speech.stt.Transcription;
import io.gureum.speech.stt.TranscriptionOptions;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.websocket.WsContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live speech-to-text over a WebSocket, {@code GET /v1/speech/stream?engine=&language=}: the client sends binary
 * frames of 16 kHz mono 16-bit little-endian PCM and, when done, the text message {@code {"type":"end"}}; the server
 * sends JSON text messages: {@code ready} once, {@code partial} results while someone speaks, a {@code final} result
 * per utterance, and {@code done} (then closes) or {@code error} (then closes). The key is checked on the upgrade
 * request like any {@code /v1} call. Billed in seconds of audio received; quota is spent ahead in blocks of
 * {@value #QUOTA_BLOCK_SECONDS} s so a stream stops when it runs out.
 */
public final class SpeechStreamRoutes {
    static final int QUOTA_BLOCK_SECONDS = 15;
    /** How long the end of a stream may take to decode before the server gives up on the last results. */
    private static final long FINISH_TIMEOUT_SECONDS = 120;
    private static final Logger log = LoggerFactory.getLogger(SpeechStreamRoutes.class);

    private final Transcriber transcriber;
    private final Metering metering;
    private final ObjectMapper json;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public SpeechStreamRoutes(Transcriber transcriber, Metering metering, ObjectMapper json) {
        this.transcriber = transcriber;
        this.metering = metering;
        this.json = json;
    }

    public void register(Javalin app) {
        // Checked on the upgrade request, so a refused client gets an HTTP problem instead of a socket that closes.
        app.addHttpHandler(HandlerType.WEBSOCKET_BEFORE_UPGRADE, "/v1/speech/stream", ctx -> {
            ApiAccess.requireScope(ctx, Service.SPEECH_TO_TEXT.scope());
            transcriber.engineFor(new TranscriptionOptions(ctx.queryParam("engine"), ctx.queryParam("language")));
        });
        app.ws("/v1/speech/stream", ws -> {
            ws.onConnect(this::open);
            ws.onBinaryMessage(c -> {
                Session s = sessions.get(c.sessionId());
                if (s != null) s.audio(c.data(), c.offset(), c.length());
            });
            ws.onMessage(c -> {
                Session s = sessions.get(c.sessionId());
                if (s != null) s.message(c.message());
            });
            ws.onClose(c -> {
                Session s = sessions.remove(c.sessionId());
                if (s != null) s.abandon();
            });
            ws.onError(c -> {
                Session s = sessions.remove(c.sessionId());
                if (s != null) s.abandon();
            });
        });
    }

    private void open(WsContext ctx) {
        ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(2));
        try {
            ApiKey key = ApiAccess.key(ctx);
            TranscriptionOptions options = new TranscriptionOptions(ctx.queryParam("engine"), ctx.queryParam("language"));
            Session session = new Session(ctx, key, options);
            sessions.put(ctx.sessionId(), session);
            session.send(Map.of("type", "ready", "engine", session.engine.name(), "model", session.engine.model(),
                    "sampleRate", Audio.SPEECH_RATE, "encoding", "pcm_s16le"));
        } catch (Problem p) {
            sendError(ctx, p);
            ctx.closeSession(1008, p.code());
        }
    }

    private void sendError(WsContext ctx, Problem p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "error");
        body.put("status", p.status());
        body.put("code", p.code());
        body.put("detail", p.detail());
        try {
            synchronized (ctx) {
                ctx.send(json.writeValueAsString(body));
            }
        } catch (Exception e) {
            log.debug("could not send an error to a closed stream: {}", e.toString());
        }
    }

    /** One client's stream: decodes as it comes, meters as it grows. */
    private final class Session implements StreamingTranscription.Listener {
        private final WsContext ctx;
        private final SpeechRecognizer engine;
        private final StreamingTranscription stream;
        private final Metering.Reservation quota;
        private float[] samples = new float[4096];
        private int oddByte = -1;
        private boolean ended;

        Session(WsContext ctx, ApiKey key, TranscriptionOptions options) {
            this.ctx = ctx;
            this.engine = transcriber.engine(options.engine());
            this.quota = metering.reserve(key, Service.SPEECH_TO_TEXT, "stream", QUOTA_BLOCK_SECONDS);
            try {
                this.stream = new StreamingTranscription(transcriber, options, this);
            } catch (RuntimeException e) {
                quota.settle(0, e instanceof Problem p ? p.status() : 500);
                throw e;
            }
        }

        /** PCM16 little-endian bytes; a frame may split a sample, so an odd byte waits for the next frame. */
        void audio(byte[] data, int offset, int length) {
            if (ended) return;
            int count = (length + (oddByte >= 0 ? 1 : 0)) / 2;
            if (samples.length < count) samples = new float[count];
            int i = offset;
            int n = 0;
            if (oddByte >= 0 && length > 0) {
                samples[n++] = (short) ((oddByte & 0xff) | (data[i++] << 8)) / 32768f;
                oddByte = -1;
            }
            for (; i + 1 < offset + length; i += 2) samples[n++] = (short) ((data[i] & 0xff) | (data[i + 1] << 8)) / 32768f;
            if (i < offset + length) oddByte = data[i];
            try {
                stream.accept(samples, n);
                quota.cover((long) Math.ceil(stream.seconds()));
            } catch (Problem p) {
                fail(p);
            }
        }

        void message(String text) {
            String type;
            try {
                JsonNode node = json.readTree(text);
                type = node.path("type").asText("");
            } catch (Exception e) {
                type = "";
            }
            if (!type.equals("end")) {
                fail(Problem.badRequest("invalid_message", "Text messages are JSON: {\"type\":\"end\"} ends the stream; audio goes in binary frames."));
                return;
            }
            if (ended) return;
            ended = true;
            stream.finish(FINISH_TIMEOUT_SECONDS);
            long seconds = (long) Math.ceil(stream.seconds());
            quota.settle(seconds, 200);
            sessions.remove(ctx.sessionId());
            send(Map.of("type", "done", "audioSeconds", Math.round(stream.seconds() * 1000) / 1000.0));
            ctx.closeSession(1000, "done");
        }

        void abandon() {
            stream.close();
            quota.settle((long) Math.ceil(stream.seconds()), 499); // the client went away (nginx's 499)
        }

        private void fail(Problem p) {
            if (ended) return;
            ended = true;
            stream.close();
            quota.settle((long) Math.ceil(stream.seconds()), p.status());
            sessions.remove(ctx.sessionId());
            sendError(ctx, p);
            ctx.closeSession(p.status() == 429 ? 1008 : 1011, p.code());
        }

        @Override
        public void partial(double start, String text) {
            send(Map.of("type", "partial", "start", start, "text", text));
        }

        @Override
        public void result(Transcription.Segment segment) {
            send(Map.of("type", "final", "segment", segment));
        }

        @Override
        public void failed(RuntimeException error) {
            Problem p = error instanceof Problem problem ? problem
                    : new Problem(500, "internal_error", "Internal error", "Decoding failed: " + error.getMessage());
            if (!(error instanceof Problem)) log.warn("speech stream decoding failed", error);
            sendError(ctx, p);
            ctx.closeSession(1011, p.code());
        }

        void send(Object message) {
            try {
                String text = json.writeValueAsString(message);
                synchronized (ctx) {
                    if (ctx.session.isOpen()) ctx.send(text);
                }
            } catch (Exception e) {
                log.debug("speech stream message not sent: {}", e.toString());
            }
        }
    }
}
