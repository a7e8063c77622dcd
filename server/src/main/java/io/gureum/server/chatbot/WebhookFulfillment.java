package io.gureum.server.chatbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.chatbot.bot.Webhook;
import io.gureum.chatbot.dialog.Fulfillment;
import io.gureum.chatbot.dialog.Reply;
import io.gureum.core.Problem;
import io.gureum.platform.webhooks.WebhookSender;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fulfils an intent by calling the bot's webhook: a signed POST ({@code X-Gureum-Signature}, HMAC-SHA256 of the body
 * with the project's webhook secret) of
 * {@code {"type":"chatbot.fulfillment","botId","botVersion","sessionId","locale","intent","slots":{...},"text"}}.
 * The answer may be empty (2xx without a body: the intent's own response is used) or
 * {@code {"reply":{"text","quickReplies"},"slots":{...}}}, both parts optional.
 *
 * <p>A timeout, connection failure or 5xx is retried (after 100 ms, then 200 ms, ...) up to the bot's
 * {@code retries}; a 4xx is not, since the receiver has refused the request. Failure is a problem the message route
 * returns, and the session is left as it was: 504 {@code fulfillment_timeout} when every attempt timed out, else 502
 * {@code fulfillment_failed}.
 */
final class WebhookFulfillment implements Fulfillment {
    /** What the message is about, sent along so the receiver knows the conversation. */
    record Conversation(String botId, int botVersion, String sessionId, String locale) {}

    private final WebhookSender sender;
    private final ObjectMapper json;
    private final Webhook webhook;
    private final String secret;
    private final Conversation conversation;

    WebhookFulfillment(WebhookSender sender, ObjectMapper json, Webhook webhook, String secret, Conversation conversation) {
        this.sender = sender;
        this.json = json;
        this.webhook = webhook;
        this.secret = secret;
        this.conversation = conversation;
    }

    @Override
    public Optional<Result> fulfill(Request request) {
        byte[] body = body(request);
        int attempts = 1 + webhook.retriesOrDefault();
        Duration timeout = Duration.ofMillis(webhook.timeoutOrDefault());
        List<String> failures = new ArrayList<>();
        boolean allTimedOut = true;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) pause(100L * (attempt - 1));
            try {
                WebhookSender.Answer answer = sender.call(webhook.url(), secret, Map.of(), body, timeout);
                int status = answer.status();
                if (status >= 200 && status < 300) return parse(answer.body());
                allTimedOut = false;
                failures.add("HTTP " + status);
                if (status < 500) break;
            } catch (HttpTimeoutException e) {
                failures.add("no answer within " + timeout.toMillis() + " ms");
            } catch (IOException e) {
                allTimedOut = false;
                failures.add(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed("interrupted", failures.size());
            }
        }
        String detail = "The fulfillment webhook of intent '" + request.intent() + "' at " + webhook.url() + " failed "
                + failures.size() + " time(s): " + String.join("; ", failures) + ". The message was not taken; send it again to retry.";
        if (allTimedOut) {
            throw new Problem(504, "fulfillment_timeout", "Fulfillment webhook timed out", detail, Map.of("attempts", failures.size()));
        }
        throw failed(detail, failures.size());
    }

    private byte[] body(Request request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "chatbot.fulfillment");
        body.put("botId", conversation.botId());
        body.put("botVersion", conversation.botVersion());
        body.put("sessionId", conversation.sessionId());
        body.put("locale", conversation.locale());
        body.put("intent", request.intent());
        body.put("slots", request.slots());
        body.put("text", request.text());
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Result> parse(byte[] answer) {
        if (new String(answer, StandardCharsets.UTF_8).isBlank()) return Optional.empty();
        JsonNode root;
        try {
            root = json.readTree(answer);
        } catch (IOException e) {
            throw failed("The fulfillment webhook at " + webhook.url() + " answered with something that is not JSON.", 1);
        }
        if (!root.isObject()) throw failed("The fulfillment webhook at " + webhook.url() + " answered with JSON that is not an object.", 1);
        Reply reply = null;
        JsonNode r = root.get("reply");
        if (r != null && !r.isNull()) {
            if (!r.path("text").isTextual() || r.path("text").asText().isBlank()) {
                throw failed("The fulfillment webhook's answer has a 'reply' without 'text'.", 1);
            }
            List<String> quickReplies = new ArrayList<>();
            r.path("quickReplies").forEach(q -> quickReplies.add(q.asText()));
            reply = new Reply(r.get("text").asText(), quickReplies);
        }
        Map<String, String> slots = new LinkedHashMap<>();
        root.path("slots").fields().forEachRemaining(e -> slots.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        return Optional.of(new Result(reply, slots));
    }

    private static Problem failed(String detail, int attempts) {
        return new Problem(502, "fulfillment_failed", "Fulfillment webhook failed", detail, Map.of("attempts", attempts));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
