package io.gureum.platform.facecollections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.core.Problem;

import java.nio.charset.StandardCharsets;

/**
 * A face to enrol: whose it is, the caller's metadata (a JSON object of at most {@link #MAX_METADATA_BYTES}
 * bytes, or null), its embedding and where it was found. Validated on construction, so a store never
 * sees a bad one; the store checks only that the embedding's length fits the collection.
 */
public record NewFace(String personId, String metadataJson, float[] embedding, FaceBox box, int imageWidth, int imageHeight) {
    public static final int MAX_PERSON_ID_LENGTH = 128;
    public static final int MAX_METADATA_BYTES = 4096;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public NewFace {
        checkPersonId(personId);
        if (metadataJson != null) checkMetadata(metadataJson);
        if (embedding == null || embedding.length == 0) throw Problem.invalid("a face needs an embedding");
        embedding = embedding.clone(); // the caller may reuse its buffer
        double norm = 0;
        for (float v : embedding) {
            if (!Float.isFinite(v)) throw Problem.invalid("the embedding contains a value that is not a finite number");
            norm += v * v;
        }
        if (norm == 0) throw Problem.invalid("the embedding is all zeros; it has no direction to compare");
        if (box == null) throw Problem.invalid("a face needs its box in the source image");
        if (imageWidth < 1 || imageHeight < 1) throw Problem.invalid("imageWidth and imageHeight must be at least 1 pixel");
    }

    /** Person ids are the caller's: any text of 1-128 characters without control characters. */
    public static void checkPersonId(String personId) {
        if (personId == null || personId.isBlank() || personId.length() > MAX_PERSON_ID_LENGTH
                || personId.chars().anyMatch(Character::isISOControl)) {
            throw Problem.invalid("personId must be 1-" + MAX_PERSON_ID_LENGTH + " characters, not blank, without control characters");
        }
    }

    private static void checkMetadata(String json) {
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_METADATA_BYTES) {
            throw Problem.invalid("metadata is " + bytes + " bytes of JSON; at most " + MAX_METADATA_BYTES + " are kept per face");
        }
        try {
            if (!JSON.readTree(json).isObject()) throw Problem.invalid("metadata must be a JSON object");
        } catch (JsonProcessingException e) {
            throw Problem.invalid("metadata is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
