package io.gureum.language;

import java.util.List;

/** The answer to {@link LanguageDetection#detect}: the model that produced it and one entry per document, in request order. */
public record DetectionResult(String model, String modelVersion, List<DocumentLanguages> documents) {
    public DetectionResult {
        documents = List.copyOf(documents);
    }
}
