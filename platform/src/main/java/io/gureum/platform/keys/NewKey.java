package io.gureum.platform.keys;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** What a caller asks for when creating a key; {@code expiresAt}, {@code rateLimit} may be null. */
public record NewKey(String projectId, String name, Set<String> scopes, Instant expiresAt,
                     RateLimit rateLimit, Map<String, Long> quotas) {}
