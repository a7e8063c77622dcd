package io.gureum.automl.data;

/** A column's name, inferred type and statistics. */
public record ColumnProfile(String name, ColumnType type, ColumnStats stats) {}
