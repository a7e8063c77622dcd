package io.gureum.platform.bots;

import java.time.Instant;

/**
 * A conversation's saved state.
 *
 * @param turns the messages handled so far; {@link BotSessionStore#save} must be given it back
 */
public record StoredSession(String projectId, String botId, String sessionId, int botVersion, String state, int turns,
                           Instant createdAt, Instant updatedAt, Instant expiresAt) {
    public boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
