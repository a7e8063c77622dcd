package io.gureum.chatbot.nlu;

import io.gureum.core.ModelRef;
import io.gureum.language.embeddings.TextEmbeddings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sentence embeddings from one pinned model version: a trained intent model's weights only fit the vectors of the
 * model it was trained with, so it is resolved once, to {@code id@version}, and always asked for by that.
 */
final class PhraseEmbedder {
    private final TextEmbeddings embeddings;
    private final ModelRef model;
    private final int dimensions;

    PhraseEmbedder(TextEmbeddings embeddings, Optional<ModelRef> requested) {
        this.embeddings = embeddings;
        var loaded = embeddings.model(requested);
        this.model = ModelRef.parse(loaded.ref());
        this.dimensions = loaded.dimensions();
    }

    /** The vectors of the texts, in order; long lists are sent in chunks of the most one call may carry. */
    List<float[]> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += TextEmbeddings.MAX_TEXTS) {
            List<String> chunk = texts.subList(start, Math.min(texts.size(), start + TextEmbeddings.MAX_TEXTS));
            embeddings.embed(chunk, Optional.of(model)).data().forEach(e -> vectors.add(e.embedding()));
        }
        return vectors;
    }

    float[] embed(String text) {
        return embeddings.embed(List.of(text), Optional.of(model)).data().get(0).embedding();
    }

    /** The pinned model, {@code id@version}. */
    ModelRef model() { return model; }

    int dimensions() { return dimensions; }
}
