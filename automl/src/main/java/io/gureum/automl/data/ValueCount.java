package io.gureum.automl.data;

/** A value and how many rows hold it. */
public record ValueCount(String value, long count) {}
