package io.gureum.runtime.tfjs;

/** The graph uses a TensorFlow op (or an op variant) that the converter has no mapping for. */
public final class UnsupportedOpException extends TfjsConversionException {
    private final String op;
    private final String nodeName;

    UnsupportedOpException(String op, String nodeName, String detail) {
        super("unsupported TensorFlow op " + op + " (node '" + nodeName + "')" + (detail == null ? "" : ": " + detail));
        this.op = op;
        this.nodeName = nodeName;
    }

    public String op() {
        return op;
    }

    public String nodeName() {
        return nodeName;
    }
}
