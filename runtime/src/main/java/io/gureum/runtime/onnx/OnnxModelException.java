package io.gureum.runtime.onnx;

/** ONNX Runtime could not load or run a model. */
public final class OnnxModelException extends RuntimeException {
    public OnnxModelException(String message) {
        super(message);
    }

    public OnnxModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
