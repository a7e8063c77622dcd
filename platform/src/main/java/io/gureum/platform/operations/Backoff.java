package io.gureum.platform.operations;

import java.time.Duration;

/** Exponential backoff: {@code base * 2^(attempt-1)}, the doubling capped so it cannot overflow. */
final class Backoff {
    private static final int MAX_DOUBLINGS = 20;

    private Backoff() {}

    static Duration after(Duration base, int attempt) {
        return base.multipliedBy(1L << Math.min(Math.max(0, attempt - 1), MAX_DOUBLINGS));
    }
}
