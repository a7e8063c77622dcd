package io.gureum.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Cross-origin access to {@code /v1}: pages on other sites may call the API from a browser (the chat widget on a
 * shop's page). Any origin is allowed because the API never uses cookies: a call carries its key in a header, which
 * another site's page can only send if it has the key. Preflight requests are answered here, before any key check.
 */
public final class Cors {
    private static final String ALLOWED_HEADERS = "Authorization, X-Api-Key, Content-Type, Idempotency-Key, Prefer, If-Match, X-Request-Id";
    private static final String EXPOSED_HEADERS = "X-Request-Id, Operation-Location, Location, ETag, Retry-After, RateLimit-Limit, "
            + "RateLimit-Remaining, RateLimit-Reset, Preference-Applied";

    private Cors() {}

    public static void register(Javalin app) {
        // answered in a before-handler rather than by an OPTIONS route: a catch-all OPTIONS route would make every
        // unknown /v1 path a 405 instead of a 404
        app.before("/v1/*", ctx -> {
            headers(ctx);
            if (isPreflight(ctx)) {
                ctx.status(204);
                ctx.skipRemainingHandlers();
            }
        });
    }

    /** True for a preflight request, which carries no key and must not be refused for it. */
    public static boolean isPreflight(Context ctx) {
        return ctx.method() == HandlerType.OPTIONS;
    }

    private static void headers(Context ctx) {
        if (ctx.header("Origin") == null) return;
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        if (isPreflight(ctx)) {
            ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Max-Age", "600");
        }
    }
}
