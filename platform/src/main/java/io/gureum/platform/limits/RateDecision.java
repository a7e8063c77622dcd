package io.gureum.platform.limits;

/**
 * The outcome of a rate-limit check and the numbers for the {@code RateLimit-*} headers
 * (limit = burst, remaining tokens, seconds until full) and {@code Retry-After} when refused.
 */
public record RateDecision(boolean allowed, int limit, int remaining, long retryAfterSeconds, long resetSeconds) {}
