package io.gureum.platform.limits;

import io.gureum.platform.keys.RateLimit;

/** A classic token bucket. Synchronized per bucket (one per key), so keys never contend with each other. */
final class TokenBucket {
    private final double ratePerNano;
    private final int capacity;
    private double tokens;
    private long lastRefill;

    TokenBucket(RateLimit limit, long nowNanos) {
        this.ratePerNano = limit.requestsPerSecond() / 1e9;
        this.capacity = limit.burst();
        this.tokens = capacity;
        this.lastRefill = nowNanos;
    }

    /** Takes one token if there is one; the decision and what the caller tells the client. */
    synchronized RateDecision tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - lastRefill) * ratePerNano);
        lastRefill = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            long fullInNanos = (long) ((capacity - tokens) / ratePerNano);
            return new RateDecision(true, capacity, (int) Math.floor(tokens), 0, nanosToSeconds(fullInNanos));
        }
        long waitNanos = (long) ((1 - tokens) / ratePerNano);
        return new RateDecision(false, capacity, 0, nanosToSeconds(waitNanos), nanosToSeconds(waitNanos));
    }

    private static long nanosToSeconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
