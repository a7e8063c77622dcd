package io.gureum.language.embeddings;

/**
 * The embedding of one text.
 *
 * @param index     the text's position in the request
 * @param embedding the unit-length vector ({@link EmbeddingModel#dimensions()} floats); compare two with a dot product,
 *                  which for unit vectors is their cosine similarity. Records compare arrays by identity, so compare
 *                  vectors with {@link java.util.Arrays#equals(float[], float[])} or a tolerance.
 * @param tokens    the word pieces the model read, its {@code [CLS]} and {@code [SEP]} markers included
 * @param truncated whether the text was longer than {@link EmbeddingModel#maxTokens()} word pieces and only its
 *                  beginning was embedded
 */
public record TextEmbedding(int index, float[] embedding, int tokens, boolean truncated) {}
