package io.gureum.platform.limits;

import io.gureum.platform.keys.ApiKey;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key token buckets held in this node's memory: no database round trip per request.
 * With N nodes behind a load balancer a key gets up to N times its rate, as with most
 * per-instance limiters; quotas (monthly) are the exact, shared limit.
 */
public final class RateLimiter {
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** Empty when the key has no rate limit. */
    public Optional<RateDecision> check(ApiKey key) {
        if (key.rateLimit() == null) return Optional.empty();
        long now = System.nanoTime();
        TokenBucket bucket = buckets.computeIfAbsent(key.id(), id -> new TokenBucket(key.rateLimit(), now));
        return Optional.of(bucket.tryTake(now));
    }
}
