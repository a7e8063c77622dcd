package io.gureum.server.chatbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.chatbot.dialog.DialogState;
import io.gureum.chatbot.dialog.DialogTurn;
import io.gureum.chatbot.dialog.Fulfillment;
import io.gureum.chatbot.dialog.SlotValue;
import io.gureum.platform.bots.BotSessionStore;
import io.gureum.platform.bots.BotStore;
import io.gureum.platform.bots.StoredBot;
import io.gureum.platform.bots.StoredSession;
import io.gureum.platform.projects.ProjectStore;
import io.gureum.platform.webhooks.WebhookSender;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One message in a conversation, the same over REST and the WebSocket: load the session (a missing or expired one
 * starts afresh), run the published version's dialog (calling the fulfillment webhook when an intent needs it), save
 * the new state. Nothing is saved when the turn fails, so a failed message can simply be sent again.
 */
public final class Conversations {
    private final BotStore bots;
    private final BotSessionStore sessions;
    private final BotRuntimes runtimes;
    private final ProjectStore projects;
    private final WebhookSender webhooks;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration ttl;

    public Conversations(BotStore bots, BotSessionStore sessions, BotRuntimes runtimes, ProjectStore projects, WebhookSender webhooks,
                         ObjectMapper json, Clock clock, Duration ttl) {
        this.bots = bots;
        this.sessions = sessions;
        this.runtimes = runtimes;
        this.projects = projects;
        this.webhooks = webhooks;
        this.json = json;
        this.clock = clock;
        this.ttl = ttl;
    }

    public record ReplyView(String text, List<String> quickReplies) {}

    public record SlotView(String value, String text) {}

    /**
     * @param intent      the intent the turn was about, or null (a fallback outside any intent)
     * @param confidence  the classifier's confidence in the message's top intent (0 when it only answered a prompt)
     * @param status      collecting, confirming, fulfilled, declined or fallback
     * @param newSession  true when this message started the session (none existed, or the last one had expired)
     */
    public record MessageResponse(String sessionId, String botId, int botVersion, ReplyView reply, String intent, double confidence,
                                  Map<String, SlotView> slots, String status, boolean newSession, Instant expiresAt) {}

    /** A session as {@code GET} shows it: where the dialog stands. */
    public record SessionView(String sessionId, String botId, int botVersion, String intent, Map<String, SlotView> slots, String requestedSlot,
                              boolean confirming, List<String> activeContexts, int turns, Instant createdAt, Instant updatedAt, Instant expiresAt) {}

    /** Duration sessions live after their last message. */
    public Duration ttl() { return ttl; }

    public MessageResponse message(String projectId, String botId, String sessionId, String text) {
        BotSessionStore.checkSessionId(sessionId);
        StoredBot bot = bots.get(projectId, botId);
        BotRuntimes.Runtime runtime = runtimes.of(bot, null);
        Instant now = clock.instant();
        Optional<StoredSession> row = sessions.find(projectId, botId, sessionId);
        boolean fresh = row.isEmpty() || row.get().expired(now);
        DialogState state = fresh ? DialogState.initial() : DialogState.fromJson(row.get().state());
        DialogTurn turn = runtime.engine().handle(state, text, now, fulfillment(runtime, projectId, sessionId));
        StoredSession saved = sessions.save(projectId, botId, sessionId, runtime.version(), turn.state().toJson(),
                row.map(StoredSession::turns).orElse(-1), ttl);
        return new MessageResponse(sessionId, botId, runtime.version(), new ReplyView(turn.reply().text(), turn.reply().quickReplies()),
                turn.intent(), turn.confidence(), slots(turn.slots()), turn.status().wireName(), fresh, saved.expiresAt());
    }

    /** @throws io.gureum.core.Problem 404 when there is no such session, or it has expired */
    public SessionView session(String projectId, String botId, String sessionId) {
        BotSessionStore.checkSessionId(sessionId);
        bots.get(projectId, botId);
        StoredSession s = sessions.find(projectId, botId, sessionId).filter(r -> !r.expired(clock.instant()))
                .orElseThrow(() -> io.gureum.core.Problem.notFound("No session '" + sessionId + "' for this bot (it may have expired)."));
        DialogState state = DialogState.fromJson(s.state());
        return new SessionView(s.sessionId(), s.botId(), s.botVersion(), state.intent(), slots(state.slots()), state.requestedSlot(),
                state.confirming(), state.contexts().stream().map(c -> c.name()).toList(), s.turns(), s.createdAt(), s.updatedAt(), s.expiresAt());
    }

    public void end(String projectId, String botId, String sessionId) {
        BotSessionStore.checkSessionId(sessionId);
        bots.get(projectId, botId);
        sessions.delete(projectId, botId, sessionId);
    }

    private Fulfillment fulfillment(BotRuntimes.Runtime runtime, String projectId, String sessionId) {
        if (runtime.bot().webhook() == null) return Fulfillment.NONE;
        return request -> {
            String secret = projects.find(projectId).orElseThrow().webhookSecret();
            return new WebhookFulfillment(webhooks, json, runtime.bot().webhook(), secret,
                    new WebhookFulfillment.Conversation(runtime.botId(), runtime.version(), sessionId, runtime.bot().locale())).fulfill(request);
        };
    }

    private static Map<String, SlotView> slots(Map<String, SlotValue> slots) {
        Map<String, SlotView> out = new LinkedHashMap<>();
        slots.forEach((name, v) -> out.put(name, new SlotView(v.value(), v.text())));
        return out;
    }
}
