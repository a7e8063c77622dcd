package io.gureum.platform.keys;

import io.gureum.core.Problem;

/** A token bucket: {@code requestsPerSecond} sustained, up to {@code burst} at once. */
public record RateLimit(double requestsPerSecond, int burst) {
    public RateLimit {
        if (!(requestsPerSecond > 0) || requestsPerSecond > 1_000_000) throw Problem.invalid("rateLimit.requestsPerSecond must be > 0 and <= 1000000");
        if (burst < 1 || burst > 1_000_000) throw Problem.invalid("rateLimit.burst must be between 1 and 1000000");
    }
}
