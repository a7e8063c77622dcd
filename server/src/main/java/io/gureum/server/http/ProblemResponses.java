package io.gureum.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gureum.core.Problem;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Renders every error as RFC 9457 problem+json with a stable {@code code} and the request id. */
public final class ProblemResponses {
    public static final String CONTENT_TYPE = "application/problem+json";
    /** {@code type} is a URN per code: stable, and it does not pretend to be a page (codes are listed in openapi.yaml). */
    private static final String TYPE_BASE = "urn:gureum:problem:";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void write(Context ctx, Problem p) {
        ObjectNode body = json.createObjectNode();
        body.put("type", TYPE_BASE + p.code());
        body.put("title", p.title());
        body.put("status", p.status());
        body.put("detail", p.detail());
        body.put("code", p.code());
        body.put("instance", ctx.path());
        body.put("requestId", RequestIds.of(ctx));
        p.extensions().forEach((k, v) -> body.set(k, json.valueToTree(v)));
        if (p.status() == 429 && p.extensions().get("retryAfterSeconds") instanceof Number n) {
            ctx.header("Retry-After", String.valueOf(n.longValue()));
        }
        // UTF-8 bytes, as JSON is: a String result would be encoded as ISO-8859-1 for this media type, making '?' of
        // any other character in a detail (a language pair's "→", a Korean file name)
        ctx.status(p.status()).contentType(CONTENT_TYPE).result(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Javalin's own errors (no route, wrong method, body over the size limit) in the same shape. */
    public void write(Context ctx, HttpResponseException e) {
        write(ctx, fromHttpStatus(e.getStatus(), e.getMessage(), ctx));
    }

    public void writeUnexpected(Context ctx, Exception e) {
        LOG.error("request {} {} failed [{}]", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
        write(ctx, new Problem(500, "internal_error", "Internal server error",
                "The server failed to handle the request; quote request id " + RequestIds.of(ctx) + " when reporting it."));
    }

    static Problem fromHttpStatus(int status, String message, Context ctx) {
        return switch (status) {
            case 404 -> new Problem(404, "not_found", "Not found", "No resource at " + ctx.method() + " " + ctx.path() + "; see /docs for the API.");
            case 405 -> new Problem(405, "method_not_allowed", "Method not allowed", ctx.method() + " is not supported on " + ctx.path() + ".");
            case 413 -> Problem.tooLarge("The request body is larger than this server accepts.");
            default -> new Problem(status, "http_" + status, message == null ? "Error" : message, message == null ? "HTTP " + status : message);
        };
    }

    public static Map<String, Object> retryAfter(long seconds) {
        return Map.of("retryAfterSeconds", seconds);
    }
}
