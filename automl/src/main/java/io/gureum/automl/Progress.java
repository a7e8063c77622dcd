package io.gureum.automl;

/**
 * Where a search stands: models finished so far, the best cross-validated score (NaN before the first), the share
 * of the time budget spent (0..1), and what it is doing now.
 */
public record Progress(int modelsTrained, double bestScore, double budgetFraction, String activity) {}
