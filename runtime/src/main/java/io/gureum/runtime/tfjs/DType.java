package io.gureum.runtime.tfjs;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;

/**
 * The element types a converted graph computes with. TensorFlow.js only has float32, int32 and
 * bool (plus strings), and runs every TF type as one of them (int64 as int32, float64 as float32,
 * ...); the converter does the same so the ONNX graph computes what tfjs computes.
 */
enum DType {
    FLOAT(DataType.FLOAT, 4),
    INT32(DataType.INT32, 4),
    INT64(DataType.INT64, 8),
    BOOL(DataType.BOOL, 1),
    STRING(DataType.STRING, 0);

    final DataType onnx;
    final int bytes;

    DType(DataType onnx, int bytes) {
        this.onnx = onnx;
        this.bytes = bytes;
    }

    boolean isFloat() {
        return this == FLOAT;
    }

    /** A TF {@code DT_*} name as tfjs runs it. */
    static DType ofTf(String dt) {
        return switch (dt) {
            case "DT_FLOAT", "DT_DOUBLE", "DT_HALF", "DT_BFLOAT16" -> FLOAT;
            case "DT_INT32", "DT_INT64", "DT_INT16", "DT_INT8", "DT_UINT8", "DT_UINT16", "DT_UINT32", "DT_UINT64" -> INT32;
            case "DT_BOOL" -> BOOL;
            case "DT_STRING" -> STRING;
            default -> throw new TfjsConversionException("unsupported TensorFlow dtype " + dt);
        };
    }

    /** A weight's dtype as the weights manifest spells it. */
    static DType ofTfjs(String dt) {
        return switch (dt) {
            case "float32" -> FLOAT;
            case "int32" -> INT32;
            case "bool" -> BOOL;
            case "string" -> STRING;
            default -> throw new TfjsConversionException("unsupported tfjs weight dtype " + dt);
        };
    }
}
