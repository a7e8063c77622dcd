package io.gureum.platform.keys;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An API key as stored: never holds the secret, only what identifies and limits it. */
public record ApiKey(String id, String projectId, String name, String secretPrefix, Set<String> scopes,
                     Instant expiresAt, Instant revokedAt, RateLimit rateLimit, Map<String, Long> quotas,
                     Instant createdAt) {
    /** Grants every service and the admin API. */
    public static final String ADMIN_SCOPE = "admin";

    public boolean isAdmin() { return scopes.contains(ADMIN_SCOPE); }

    public boolean allows(String scope) { return isAdmin() || scopes.contains(scope); }

    public boolean isRevoked() { return revokedAt != null; }

    public boolean isExpired(Instant now) { return expiresAt != null && !now.isBefore(expiresAt); }

    public Optional<Long> quota(String service) { return Optional.ofNullable(quotas.get(service)); }
}
