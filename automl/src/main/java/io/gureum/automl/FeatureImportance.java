package io.gureum.automl;

/** How much a source column contributed to a model, as a share of the total (all columns sum to 1). */
public record FeatureImportance(String column, double importance) {}
