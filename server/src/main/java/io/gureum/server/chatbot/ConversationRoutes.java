package io.gureum.server.chatbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.chatbot.entities.EntityExtractor;
import io.gureum.core.Problem;
import io.gureum.core.Service;
import io.gureum.platform.bots.BotSessionStore;
import io.gureum.platform.bots.BotStore;
import io.gureum.platform.keys.ApiKey;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.CustomMethod;
import io.gureum.server.http.JsonBodies;
import io.gureum.server.metering.Metering;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Conversations with a bot's published version, billed one message each:
 * {@code POST /v1/bots/{id}/sessions/{sessionId}:message {text}} answers one message; {@code GET} shows where a
 * session stands and {@code DELETE} ends it; {@code /stream} is the same conversation over a WebSocket (the client
 * sends {@code {"text": ...}} or plain text, the server answers each with {@code {"type":"reply", ...}} or
 * {@code {"type":"error", status, code, detail}} and keeps the socket open).
 */
public final class ConversationRoutes {
    private static final String SESSION = BotRoutes.BASE + "/{bot}/sessions/{session}";
    private static final Logger log = LoggerFactory.getLogger(ConversationRoutes.class);

    private final Conversations conversations;
    private final BotStore bots;
    private final Metering metering;
    private final JsonBodies bodies;
    private final ObjectMapper json;

    public ConversationRoutes(Conversations conversations, BotStore bots, Metering metering, JsonBodies bodies, ObjectMapper json) {
        this.conversations = conversations;
        this.bots = bots;
        this.metering = metering;
        this.bodies = bodies;
        this.json = json;
    }

    public record MessageRequest(String text) {}

    /** A message's text, checked: present, not blank, at most {@value EntityExtractor#MAX_CHARACTERS} characters. */
    static String messageText(String text) {
        if (text == null) throw Problem.invalid("'text' is required");
        if (text.isBlank()) throw Problem.invalid("'text' is empty");
        if (text.codePointCount(0, text.length()) > EntityExtractor.MAX_CHARACTERS) {
            throw Problem.invalid("'text' is over " + EntityExtractor.MAX_CHARACTERS + " characters");
        }
        return text;
    }

    public void register(Javalin app) {
        // AIP custom method on the session: ':message' is part of the last path segment
        app.post(SESSION, this::message);
        app.get(SESSION, ctx -> {
            ApiKey key = ApiAccess.requireScope(ctx, Service.CHATBOT.scope());
            ctx.json(conversations.session(key.projectId(), ctx.pathParam("bot"), ctx.pathParam("session")));
        });
        app.delete(SESSION, ctx -> {
            ApiKey key = ApiAccess.requireScope(ctx, Service.CHATBOT.scope());
            conversations.end(key.projectId(), ctx.pathParam("bot"), ctx.pathParam("session"));
            ctx.status(204);
        });
        // checked on the upgrade request, so a refused client gets an HTTP problem instead of a socket that closes
        app.addHttpHandler(HandlerType.WEBSOCKET_BEFORE_UPGRADE, SESSION + "/stream", ctx -> {
            ApiKey key = ApiAccess.requireScope(ctx, Service.CHATBOT.scope());
            BotSessionStore.checkSessionId(ctx.pathParam("session"));
            bots.get(key.projectId(), ctx.pathParam("bot"));
        });
        app.ws(SESSION + "/stream", ws -> {
            ws.onConnect(ctx -> {
                ctx.session.setIdleTimeout(Duration.ofMinutes(10));
                send(ctx, Map.of("type", "ready", "botId", ctx.pathParam("bot"), "sessionId", ctx.pathParam("session")));
            });
            ws.onMessage(this::streamMessage);
        });
    }

    private void message(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.CHATBOT.scope());
        String sessionId = CustomMethod.require(ctx.pathParam("session"), BotRoutes.BASE + "/{botId}/sessions/{sessionId}", Set.of("message")).id();
        String text = messageText(bodies.read(ctx, MessageRequest.class).text());
        ctx.json(metering.meter(ctx, key, Service.CHATBOT, "bots:message", 1,
                () -> new Metering.Outcome<>(conversations.message(key.projectId(), ctx.pathParam("bot"), sessionId, text), 200, true)));
    }

    private void streamMessage(WsMessageContext ctx) {
        ApiKey key = ApiAccess.key(ctx);
        Metering.Reservation reservation = null;
        try {
            String text = messageText(textOf(ctx.message()));
            reservation = metering.reserve(key, Service.CHATBOT, "bots:stream", 1);
            Conversations.MessageResponse reply = conversations.message(key.projectId(), ctx.pathParam("bot"), ctx.pathParam("session"), text);
            reservation.settle(1, 200);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "reply");
            body.putAll(json.convertValue(reply, Map.class));
            send(ctx, body);
        } catch (Problem p) {
            if (reservation != null) reservation.settle(0, p.status());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "error");
            body.put("status", p.status());
            body.put("code", p.code());
            body.put("detail", p.detail());
            send(ctx, body);
        } catch (RuntimeException e) {
            if (reservation != null) reservation.settle(0, 500);
            log.error("chatbot stream message failed", e);
            send(ctx, Map.of("type", "error", "status", 500, "code", "internal_error", "detail", "The message could not be handled; it was not taken."));
        }
    }

    /** A frame is {@code {"text": ...}} or, for the simplest clients, the message itself. */
    private String textOf(String frame) {
        String trimmed = frame.strip();
        if (!trimmed.startsWith("{")) return frame;
        try {
            JsonNode node = json.readTree(trimmed);
            JsonNode text = node.get("text");
            if (text == null || !text.isTextual()) throw Problem.invalid("a JSON frame must be {\"text\": \"...\"}");
            return text.asText();
        } catch (IOException e) {
            return frame;
        }
    }

    private void send(WsContext ctx, Object body) {
        try {
            synchronized (ctx) {
                ctx.send(json.writeValueAsString(body));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("chatbot stream client gone", e);
        }
    }
}
