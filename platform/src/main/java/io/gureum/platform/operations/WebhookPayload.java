package io.gureum.platform.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON body POSTed to an operation's webhook when it ends. The receiver fetches the result itself. */
final class WebhookPayload {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayload() {}

    static byte[] of(Operation op) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", op.id());
        body.put("kind", op.kind());
        body.put("status", op.status().wire());
        body.put("createdAt", op.createdAt().toString());
        body.put("completedAt", op.completedAt() == null ? null : op.completedAt().toString());
        if (op.error() == null) {
            body.put("error", null);
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", op.error().code());
            error.put("message", op.error().message());
            body.put("error", error);
        }
        body.put("operationLocation", "/v1/operations/" + op.id());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
