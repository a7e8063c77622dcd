package io.gureum.platform.facecollections;

/** A person found by a search: the cosine similarity of their best-matching face, and that face. */
public record PersonMatch(String personId, double similarity, String faceId) {}
