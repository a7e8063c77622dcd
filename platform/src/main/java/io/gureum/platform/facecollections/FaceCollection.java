package io.gureum.platform.facecollections;

import java.time.Instant;

/**
 * A named set of enrolled faces in one project. Every embedding in it comes from {@code embeddingModel},
 * so searches must embed the query with that same model. {@code version} changes with every change to its faces.
 */
public record FaceCollection(String projectId, String collectionId, String description, String embeddingModel,
                             int embeddingDimensions, long version, int faceCount, Instant createdAt) {}
