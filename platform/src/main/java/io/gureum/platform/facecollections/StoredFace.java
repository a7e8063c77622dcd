package io.gureum.platform.facecollections;

import java.time.Instant;

/** An enrolled face as listed; its embedding stays in the store and the search index. */
public record StoredFace(String faceId, String collectionId, String personId, String metadataJson, FaceBox box,
                         int imageWidth, int imageHeight, Instant createdAt) {}
