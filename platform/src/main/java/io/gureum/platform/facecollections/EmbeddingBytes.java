package io.gureum.platform.facecollections;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The stored form of an embedding: float32 little-endian, the layout numpy and ONNX tensors use, so dumps read anywhere. */
final class EmbeddingBytes {
    private EmbeddingBytes() {}

    static byte[] encode(float[] embedding) {
        ByteBuffer buffer = ByteBuffer.allocate(embedding.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(embedding);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        float[] out = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
