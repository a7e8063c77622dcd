package io.gureum.language.embeddings;

import java.util.List;

/** The answer to {@link TextEmbeddings#embed(List, java.util.Optional)}: the model that produced it and one entry per text, in request order. */
public record EmbeddingResult(String model, String modelVersion, int dimensions, List<TextEmbedding> data) {
    public EmbeddingResult {
        data = List.copyOf(data);
    }
}
