package io.gureum.language.sentiment;

import java.util.List;

/** The answer to {@link SentimentAnalysis#analyze}: the model that produced it and one entry per document, in request order. */
public record SentimentResult(String model, String modelVersion, List<DocumentSentiment> documents) {
    public SentimentResult {
        documents = List.copyOf(documents);
    }
}
