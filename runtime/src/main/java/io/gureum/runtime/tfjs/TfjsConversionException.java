package io.gureum.runtime.tfjs;

/** A tfjs graph model that cannot be converted to ONNX; the message says which node and why. */
public class TfjsConversionException extends RuntimeException {
    public TfjsConversionException(String message) {
        super(message);
    }

    public TfjsConversionException(String message, Throwable cause) {
        super(message, cause);
    }

    static TfjsConversionException at(TfNode node, String problem) {
        return new TfjsConversionException(node.op() + " node '" + node.name() + "': " + problem);
    }
}
