package io.gureum.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gureum.core.Problem;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request that carries media (images, documents, audio) and named options, sent in any of the three ways the
 * clouds accept.
 * <ul>
 *   <li>the media itself as the body ({@code Content-Type: image/jpeg}, {@code audio/wav}, ... or
 *       {@code application/octet-stream}), options in the query string; only for one-file endpoints;</li>
 *   <li>{@code multipart/form-data}: files as parts, options as form fields or in the query string;</li>
 *   <li>{@code application/json}: files as base64 strings (a {@code data:} URL prefix is allowed), options as fields.</li>
 * </ul>
 * The format is recognised from the bytes by the service's decoder, never from the declared type. Unknown options
 * are refused, so a typo does not silently fall back to a default.
 */
public final class MediaRequest {
    /**
     * What an endpoint takes as a raw body.
     *
     * @param noun     the media in messages ("image", "audio")
     * @param rawTypes Content-Type prefixes accepted as the raw body
     * @param howTo    how to send it, for the 415 when the Content-Type is none of the accepted ones
     */
    public record Kind(String noun, List<String> rawTypes, String howTo) {
        public static final Kind IMAGE = new Kind("image", List.of("image/", "application/octet-stream"),
                "send the image as the body (Content-Type image/jpeg, image/png, image/webp, image/bmp, "
                        + "image/tiff or application/octet-stream), as multipart/form-data, or base64 in application/json");
        /** An image, or a PDF as the raw body. */
        public static final Kind DOCUMENT = new Kind("document", List.of("image/", "application/pdf", "application/octet-stream"),
                IMAGE.howTo.replace("image/tiff or", "image/tiff, application/pdf or"));
        public static final Kind AUDIO = new Kind("audio", List.of("audio/", "video/", "application/octet-stream"),
                "send the audio as the body (Content-Type audio/wav, audio/flac, audio/mpeg, audio/ogg, audio/mp4, "
                        + "audio/webm or application/octet-stream), as multipart/form-data, or base64 in application/json");

        boolean acceptsRaw(String contentType) {
            return rawTypes.stream().anyMatch(contentType::startsWith);
        }
    }

    private final Map<String, byte[]> files;
    private final ObjectNode options;
    private final String contentType;

    private MediaRequest(Map<String, byte[]> files, ObjectNode options, String contentType) {
        this.files = files;
        this.options = options;
        this.contentType = contentType;
    }

    /**
     * @param fileFields the names of the files, e.g. {@code image}, or {@code image1} and {@code image2}
     * @param optionNames the options this endpoint knows
     */
    public static MediaRequest read(Context ctx, ObjectMapper json, Kind kind, List<String> fileFields, Set<String> optionNames) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        Map<String, byte[]> files = new LinkedHashMap<>();
        ObjectNode options = JsonNodeFactory.instance.objectNode();
        ctx.queryParamMap().forEach((name, values) -> options.put(name, values.get(values.size() - 1)));
        if (type.startsWith("application/json")) {
            JsonNode body = parseJson(ctx, json);
            body.fields().forEachRemaining(e -> {
                if (fileFields.contains(e.getKey())) files.put(e.getKey(), base64(e.getKey(), e.getValue()));
                else options.set(e.getKey(), e.getValue());
            });
        } else if (type.startsWith("multipart/form-data")) {
            for (String field : fileFields) {
                UploadedFile file = ctx.uploadedFile(field);
                if (file != null) files.put(field, bytes(file));
            }
            ctx.formParamMap().forEach((name, values) -> {
                if (!fileFields.contains(name) && !values.isEmpty()) options.put(name, values.get(values.size() - 1));
            });
        } else if (kind.acceptsRaw(type)) {
            if (fileFields.size() != 1) {
                throw unsupported(ctx, "this endpoint takes " + fileFields.size() + " files: send them as multipart/form-data parts "
                        + fileFields + " or as base64 fields of a JSON object");
            }
            files.put(fileFields.get(0), ctx.bodyAsBytes());
        } else {
            throw unsupported(ctx, kind.howTo());
        }
        for (String field : fileFields) {
            if (!files.containsKey(field)) {
                throw Problem.badRequest("empty_body", "The request has no " + kind.noun() + " '" + field + "'"
                        + (fileFields.size() == 1 && type.startsWith("multipart") ? " (a multipart file part named '" + field + "')" : "") + ".");
            }
        }
        List<String> unknown = new ArrayList<>();
        options.fieldNames().forEachRemaining(name -> {
            if (!optionNames.contains(name)) unknown.add(name);
        });
        if (!unknown.isEmpty()) throw Problem.invalid("Unknown option(s) " + unknown + "; this endpoint takes " + optionNames + ".");
        return new MediaRequest(files, options, type);
    }

    /** The raw bytes of a file field. */
    public byte[] bytes(String field) {
        return files.get(field);
    }

    /** The request's Content-Type, lower case ("" when none): a hint for decoders, which trust the bytes. */
    public String contentType() {
        return contentType;
    }

    public Optional<String> text(String name) {
        JsonNode v = options.get(name);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isValueNode()) throw Problem.invalid("'" + name + "' must be a string");
        return Optional.of(v.asText());
    }

    /** A JSON object option, or one sent as a JSON string (multipart and query strings cannot nest). */
    public Optional<JsonNode> object(String name, ObjectMapper json) {
        JsonNode v = options.get(name);
        if (v == null || v.isNull()) return Optional.empty();
        if (v.isTextual()) {
            try {
                v = json.readTree(v.asText());
            } catch (IOException e) {
                throw Problem.invalid("'" + name + "' must be a JSON object");
            }
        }
        if (!v.isObject()) throw Problem.invalid("'" + name + "' must be a JSON object");
        return Optional.of(v);
    }

    public int integer(String name, int orElse) {
        JsonNode v = options.get(name);
        if (v == null || v.isNull()) return orElse;
        if (v.isIntegralNumber()) return v.asInt();
        try {
            return Integer.parseInt(v.asText().trim());
        } catch (NumberFormatException e) {
            throw Problem.invalid("'" + name + "' must be a whole number, was '" + v.asText() + "'");
        }
    }

    public double decimal(String name, double orElse) {
        JsonNode v = options.get(name);
        if (v == null || v.isNull()) return orElse;
        if (v.isNumber()) return v.asDouble();
        try {
            return Double.parseDouble(v.asText().trim());
        } catch (NumberFormatException e) {
            throw Problem.invalid("'" + name + "' must be a number, was '" + v.asText() + "'");
        }
    }

    public boolean bool(String name, boolean orElse) {
        JsonNode v = options.get(name);
        if (v == null || v.isNull()) return orElse;
        if (v.isBoolean()) return v.asBoolean();
        String s = v.asText().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true")) return true;
        if (s.equals("false")) return false;
        throw Problem.invalid("'" + name + "' must be true or false, was '" + v.asText() + "'");
    }

    /** A list given as a JSON array or as comma-separated text ({@code attributes=age,gender}). */
    public List<String> list(String name) {
        JsonNode v = options.get(name);
        List<String> items = new ArrayList<>();
        if (v == null || v.isNull()) return items;
        if (v.isArray()) v.forEach(item -> items.add(item.asText().trim()));
        else for (String part : v.asText().split(",")) if (!part.isBlank()) items.add(part.trim());
        return items;
    }

    private static JsonNode parseJson(Context ctx, ObjectMapper json) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) throw Problem.badRequest("empty_body", "The request body is empty; a JSON object is expected.");
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) throw Problem.badRequest("invalid_json", "The body must be a JSON object.");
            return node;
        } catch (IOException e) {
            throw Problem.badRequest("invalid_json", "The body is not valid JSON: " + e.getMessage().split("\n")[0]);
        }
    }

    private static byte[] base64(String field, JsonNode value) {
        if (!value.isTextual()) throw Problem.invalid("'" + field + "' must be the file as a base64 string");
        String text = value.asText();
        int comma = text.startsWith("data:") ? text.indexOf(',') : -1;
        try {
            return Base64.getMimeDecoder().decode(comma >= 0 ? text.substring(comma + 1) : text);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("'" + field + "' is not valid base64: " + e.getMessage());
        }
    }

    private static byte[] bytes(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw Problem.badRequest("invalid_body", "The upload could not be read: " + e.getMessage());
        }
    }

    private static Problem unsupported(Context ctx, String how) {
        return new Problem(415, "unsupported_media_type", "Unsupported media type",
                "Content-Type " + (ctx.contentType() == null ? "is missing" : "'" + ctx.contentType() + "' is not accepted") + ": " + how + ".");
    }
}
