package io.gureum.runtime.tfjs;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One node of the GraphDef that a tfjs {@code model.json} carries as JSON: its name, op, data
 * inputs ({@code "node"} or {@code "node:k"}; control inputs {@code "^node"} are dropped, since
 * an inference graph without variables has no side effects to order) and raw attributes.
 */
record TfNode(String name, String op, List<String> inputs, JsonNode attrs) {

    static TfNode of(JsonNode json) {
        List<String> inputs = new ArrayList<>();
        for (JsonNode in : json.path("input")) {
            if (!in.asText().startsWith("^")) inputs.add(in.asText());
        }
        return new TfNode(json.path("name").asText(), json.path("op").asText(), List.copyOf(inputs), json.path("attr"));
    }

    boolean has(String attr) {
        return attrs.has(attr);
    }

    Optional<String> string(String attr) {
        JsonNode s = attrs.path(attr).path("s");
        return s.isMissingNode() ? Optional.empty() : Optional.of(decode(s.asText()));
    }

    String string(String attr, String fallback) {
        return string(attr).orElse(fallback);
    }

    long integer(String attr, long fallback) {
        JsonNode i = attrs.path(attr).path("i");
        return i.isMissingNode() ? fallback : Long.parseLong(i.asText());
    }

    float floating(String attr, float fallback) {
        JsonNode f = attrs.path(attr).path("f");
        if (f.isMissingNode()) return fallback;
        return f.isNumber() ? f.floatValue() : Float.parseFloat(f.asText()); // "NaN", "Infinity" come as text
    }

    boolean bool(String attr, boolean fallback) {
        JsonNode b = attrs.path(attr).path("b");
        return b.isMissingNode() ? fallback : b.asBoolean();
    }

    Optional<DType> type(String attr) {
        JsonNode t = attrs.path(attr).path("type");
        return t.isMissingNode() ? Optional.empty() : Optional.of(DType.ofTf(t.asText()));
    }

    /** A list-of-ints attribute ({@code strides}, {@code ksize}, ...); empty when absent. */
    long[] ints(String attr) {
        JsonNode list = attrs.path(attr).path("list").path("i");
        long[] out = new long[list.size()];
        for (int k = 0; k < out.length; k++) out[k] = Long.parseLong(list.get(k).asText());
        return out;
    }

    /** A list-of-strings attribute ({@code fused_ops}); empty when absent. */
    List<String> strings(String attr) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : attrs.path(attr).path("list").path("s")) out.add(decode(s.asText()));
        return out;
    }

    /** The {@code shape} attribute of a Placeholder: dims with -1 for unknown, or null for an unknown rank. */
    long[] shape(String attr) {
        JsonNode shape = attrs.path(attr).path("shape");
        if (shape.isMissingNode() || shape.path("unknownRank").asBoolean(false)) return null;
        JsonNode dims = shape.path("dim");
        long[] out = new long[dims.size()];
        for (int k = 0; k < out.length; k++) {
            JsonNode size = dims.get(k).path("size");
            out[k] = size.isMissingNode() ? 0 : Long.parseLong(size.asText()); // proto3 JSON omits a zero size
        }
        return out;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    /** The node's name from an input reference ({@code "a/b:1"} → {@code "a/b"}). */
    static String nodeOf(String ref) {
        int colon = ref.lastIndexOf(':');
        return colon > 0 && isDigits(ref.substring(colon + 1)) ? ref.substring(0, colon) : ref;
    }

    /** The output index from an input reference ({@code "a/b:1"} → 1, {@code "a/b"} → 0). */
    static int indexOf(String ref) {
        int colon = ref.lastIndexOf(':');
        return colon > 0 && isDigits(ref.substring(colon + 1)) ? Integer.parseInt(ref.substring(colon + 1)) : 0;
    }

    /** The canonical name of a node's k-th output: {@code "node"} for 0, {@code "node:k"} otherwise. */
    static String tensorName(String node, int k) {
        return k == 0 ? node : node + ":" + k;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
