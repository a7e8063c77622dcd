package io.gureum.chatbot.nlu;

/** A sparse feature vector: {@code values[i]} at feature {@code indices[i]}, indices ascending. */
record SparseVector(int[] indices, float[] values) {
    int size() {
        return indices.length;
    }
}
