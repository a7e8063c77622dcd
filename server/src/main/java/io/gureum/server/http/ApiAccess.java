package io.gureum.server.http;

import io.gureum.core.Problem;
import io.gureum.platform.keys.ApiKey;
import io.gureum.platform.keys.Authenticator;
import io.gureum.platform.limits.RateDecision;
import io.gureum.platform.limits.RateLimiter;
import io.javalin.http.Context;

/**
 * Authentication and per-key rate limiting for every {@code /v1} call, and the scope checks routes use.
 * 401: no key, unknown, revoked or expired. 403: the key lacks the scope or belongs to another project.
 */
public final class ApiAccess {
    private static final String ATTRIBUTE = "gureum.apiKey";

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;

    public ApiAccess(Authenticator authenticator, RateLimiter rateLimiter) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
    }

    /** The before-handler of {@code /v1/*}. */
    public void admit(Context ctx) {
        ApiKey key = authenticator.authenticate(presentedSecret(ctx));
        ctx.attribute(ATTRIBUTE, key);
        rateLimiter.check(key).ifPresent(d -> limit(ctx, d));
    }

    private static void limit(Context ctx, RateDecision d) {
        ctx.header("RateLimit-Limit", String.valueOf(d.limit()));
        ctx.header("RateLimit-Remaining", String.valueOf(d.remaining()));
        ctx.header("RateLimit-Reset", String.valueOf(d.resetSeconds()));
        if (!d.allowed()) {
            throw new Problem(429, "rate_limited", "Too many requests",
                    "This key allows " + d.limit() + " requests at once and refills at its configured rate; retry after "
                            + d.retryAfterSeconds() + " s.", ProblemResponses.retryAfter(d.retryAfterSeconds()));
        }
    }

    private static String presentedSecret(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null) {
            if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) return auth.substring(7).trim();
            throw new Problem(401, "invalid_authorization", "Unauthorized", "Authorization header must be 'Bearer <key>'.");
        }
        return ctx.header("X-Api-Key");
    }

    public static ApiKey key(Context ctx) {
        ApiKey key = ctx.attribute(ATTRIBUTE);
        if (key == null) throw new IllegalStateException("route outside /v1 asked for the API key");
        return key;
    }

    /** The key that opened a WebSocket (its upgrade request went through {@link #admit}). */
    public static ApiKey key(io.javalin.websocket.WsContext ctx) {
        ApiKey key = ctx.attribute(ATTRIBUTE);
        if (key == null) throw new IllegalStateException("WebSocket outside /v1 asked for the API key");
        return key;
    }

    public static ApiKey requireScope(Context ctx, String scope) {
        ApiKey key = key(ctx);
        if (!key.allows(scope)) {
            throw new Problem(403, "scope_denied", "Forbidden", "This key has no '" + scope + "' scope; its scopes: " + String.join(", ", key.scopes()) + ".");
        }
        return key;
    }

    public static ApiKey requireAdmin(Context ctx) {
        return requireScope(ctx, ApiKey.ADMIN_SCOPE);
    }

    /** Admins see every project; other keys only their own. */
    public static ApiKey requireProject(Context ctx, String projectId) {
        ApiKey key = key(ctx);
        if (!key.isAdmin() && !key.projectId().equals(projectId)) {
            throw new Problem(403, "other_project", "Forbidden", "This key belongs to another project.");
        }
        return key;
    }
}
