package io.gureum.platform.usage;

import java.time.Instant;

/** One metered call: who, which service and operation, how many units, how long, with what HTTP status. */
public record UsageRecord(String projectId, String keyId, String service, String operation, long units, String unit,
                          int latencyMs, int status, Instant createdAt) {}
