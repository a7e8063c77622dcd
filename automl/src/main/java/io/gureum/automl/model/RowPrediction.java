package io.gureum.automl.model;

import java.util.Map;

/**
 * One row's prediction: for classification the label and each class's probability, for regression the value; or,
 * when the row could not be scored, only {@code error} (the other rows of the batch are scored regardless).
 */
public record RowPrediction(String label, Map<String, Double> probabilities, Double value, String error) {
    public RowPrediction {
        probabilities = probabilities == null ? null : Map.copyOf(probabilities);
    }

    public boolean ok() { return error == null; }

    static RowPrediction failed(String error) { return new RowPrediction(null, null, null, error); }
}
