package io.gureum.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error a caller can act on, rendered by the server as RFC 9457 problem+json.
 * {@code code} is stable and documented; {@code detail} is for humans and may change.
 * Library users (no HTTP) catch it like any other exception.
 */
public class Problem extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;
    private final Map<String, Object> extensions;

    public Problem(int status, String code, String title, String detail) {
        this(status, code, title, detail, Map.of());
    }

    public Problem(int status, String code, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
    }

    public int status() { return status; }
    public String code() { return code; }
    public String title() { return title; }
    public String detail() { return getMessage(); }
    /** Extra members for the problem body (e.g. {@code installCommand}, {@code errors}). */
    public Map<String, Object> extensions() { return extensions; }

    public static Problem badRequest(String code, String detail) {
        return new Problem(400, code, "Bad request", detail);
    }

    public static Problem invalid(String detail) {
        return new Problem(422, "validation_failed", "Request is not valid", detail);
    }

    public static Problem notFound(String what) {
        return new Problem(404, "not_found", "Not found", what);
    }

    public static Problem conflict(String code, String detail) {
        return new Problem(409, code, "Conflict", detail);
    }

    public static Problem tooLarge(String detail) {
        return new Problem(413, "payload_too_large", "Payload too large", detail);
    }

    public static Problem unknownModel(String ref) {
        return new Problem(404, "unknown_model", "Unknown model",
                "No model pack '" + ref + "' in the catalog; GET /v1/models lists them.");
    }

    public static Problem modelNotInstalled(String ref, String installCommand) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("model", ref);
        ext.put("installCommand", installCommand);
        return new Problem(503, "model_not_installed", "Model not installed",
                "Model '" + ref + "' is not installed on this server. Install it with: " + installCommand, ext);
    }
}
