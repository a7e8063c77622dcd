/**
 * Text embeddings, usable as a plain library without the server: {@link io.gureum.language.embeddings.TextEmbeddings}
 * is the service, {@link io.gureum.language.embeddings.EmbeddingModel} one loaded model (ONNX Runtime and the model's
 * Hugging Face tokenizer, mean pooling, L2 normalisation), whose concurrent calls a small dynamic batcher runs together.
 */
package io.gureum.language.embeddings;
