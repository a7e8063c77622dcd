package io.gureum.vision.models;

/** Which model answered part of a request: every response lists these. */
public record ModelUse(String task, String id, String version) {}
