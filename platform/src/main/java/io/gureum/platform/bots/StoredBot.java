package io.gureum.platform.bots;

import java.time.Instant;

/**
 * A bot's row: its draft (the definition in the blob store under {@code draftKey}) and which trained version is live.
 *
 * @param publishedVersion the version parse and messages use; null until a training succeeds
 */
public record StoredBot(String projectId, String botId, String name, String locale, int draftRevision, String draftKey,
                        String draftSha256, int nextVersion, Integer publishedVersion, Instant createdAt, Instant updatedAt) {}
