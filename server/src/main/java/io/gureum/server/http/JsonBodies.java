package io.gureum.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.gureum.core.Problem;
import io.javalin.http.Context;

import java.io.IOException;

/** Reads JSON request bodies with clear errors: 415 for another content type, 400 for broken JSON, 422 for wrong fields. */
public final class JsonBodies {
    private final ObjectMapper json;

    public JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    public <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new Problem(415, "unsupported_media_type", "Unsupported media type",
                    "This endpoint takes 'Content-Type: application/json'; got " + (contentType == null ? "none" : "'" + contentType + "'") + ".");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) throw Problem.badRequest("empty_body", "The request body is empty; a JSON object is expected.");
        try {
            T value = json.readValue(body, type);
            if (value == null) throw Problem.badRequest("invalid_json", "The request body is JSON null; a JSON object is expected.");
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw Problem.invalid("Unknown field '" + e.getPropertyName() + "'" + at(e) + "; known fields: " + e.getKnownPropertyIds() + ".");
        } catch (MismatchedInputException e) {
            throw Problem.invalid("Wrong type" + at(e) + ": " + e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("invalid_json", "The body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (IOException e) {
            throw Problem.badRequest("invalid_json", "The body could not be read: " + e.getMessage());
        }
    }

    private static String at(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce("", String::concat);
        return path.isEmpty() ? "" : " at '" + (path.startsWith(".") ? path.substring(1) : path) + "'";
    }
}
