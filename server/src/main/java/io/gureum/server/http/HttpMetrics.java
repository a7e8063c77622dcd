package io.gureum.server.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request count and latency histogram per route template, method and status
 * ({@code http_server_requests_seconds_*} in Prometheus). Timers are cached so the hot path
 * does one map lookup instead of building a meter.
 */
public final class HttpMetrics {
    private static final String START = "gureum.startNanos";

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public static void markStart(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    public static long elapsedMillis(Context ctx) {
        Long start = ctx.attribute(START);
        return start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
    }

    public void record(Context ctx) {
        Long start = ctx.attribute(START);
        if (start == null) return;
        String route = route(ctx);
        String method = ctx.method().name();
        int status = ctx.statusCode();
        String cacheKey = method + ' ' + route + ' ' + status;
        timers.computeIfAbsent(cacheKey, k -> Timer.builder("http.server.requests")
                        .description("HTTP requests by route template, method and status")
                        .tag("method", method).tag("route", route).tag("status", String.valueOf(status))
                        .publishPercentileHistogram()
                        .register(registry))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** The matched route template, so that /v1/operations/{id} is one series, not one per id. */
    private static String route(Context ctx) {
        String path = ctx.endpointHandlerPath();
        return path == null || path.isBlank() || path.equals("*") ? "unmatched" : path;
    }
}
