package io.gureum.language.pii;

import java.util.List;

/**
 * The answer to {@link PiiDetection#detect}: which rules found it ({@link PiiDetection#MODEL} at
 * {@link PiiDetection#MODEL_VERSION}) and one entry per document, in request order.
 */
public record PiiResult(String model, String modelVersion, List<DocumentPii> documents) {
    public PiiResult {
        documents = List.copyOf(documents);
    }
}
