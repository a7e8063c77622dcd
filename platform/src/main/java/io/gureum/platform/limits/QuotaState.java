package io.gureum.platform.limits;

/** A key's monthly quota for one service after a spend. */
public record QuotaState(long limit, long used) {
    public long remaining() { return Math.max(0, limit - used); }
}
