package io.gureum.platform.keys;

import io.gureum.core.Problem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a presented secret into a usable key, or a 401 problem.
 * Keys are cached briefly so the hot path does not query the database on every call; a revocation on
 * this node evicts at once, and other nodes see it within {@link #CACHE_TTL}.
 */
public final class Authenticator {
    static final Duration CACHE_TTL = Duration.ofSeconds(2);

    private final KeyStore keys;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ApiKey key, Instant loadedAt) {}

    public Authenticator(KeyStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public ApiKey authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            throw unauthorized("missing_key", "No API key: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
        }
        Instant now = clock.instant();
        Cached c = cache.get(secret);
        if (c == null || c.loadedAt.plus(CACHE_TTL).isBefore(now)) {
            ApiKey key = keys.findBySecret(secret).orElseThrow(() -> unauthorized("invalid_key", "The API key is not valid."));
            c = new Cached(key, now);
            cache.put(secret, c);
        }
        ApiKey key = c.key;
        if (key.isRevoked()) throw unauthorized("revoked_key", "The API key was revoked.");
        if (key.isExpired(now)) throw unauthorized("expired_key", "The API key expired at " + key.expiresAt() + ".");
        return key;
    }

    /** Revokes and evicts at once on this node. */
    public ApiKey revoke(String keyId) {
        ApiKey revoked = keys.revoke(keyId);
        cache.values().removeIf(c -> c.key.id().equals(keyId));
        return revoked;
    }

    private static Problem unauthorized(String code, String detail) {
        return new Problem(401, code, "Unauthorized", detail);
    }
}
