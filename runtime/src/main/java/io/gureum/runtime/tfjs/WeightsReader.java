package io.gureum.runtime.tfjs;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes the weights of a tfjs model: each group of the {@code weightsManifest} is the
 * concatenation of its shard files, and its weights lie back to back in it, little-endian.
 * Besides plain float32/int32/bool, tfjs stores weights quantized (see tfjs-core
 * {@code io_utils.decodeWeights}), which this decodes the same way:
 * <ul>
 *   <li>{@code quantization.dtype = uint8 | uint16} with {@code min} and {@code scale}:
 *       {@code value = q * scale + min} (for int32 weights rounded to the nearest integer);</li>
 *   <li>{@code quantization.dtype = float16}: IEEE half floats widened to float32.</li>
 * </ul>
 */
final class WeightsReader {
    private WeightsReader() {}

    static Map<String, ConstTensor> read(JsonNode manifest, Path modelDir) throws IOException {
        Map<String, ConstTensor> weights = new LinkedHashMap<>();
        for (JsonNode group : manifest) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (JsonNode path : group.path("paths")) {
                Path shard = modelDir.resolve(path.asText()).normalize();
                if (!shard.startsWith(modelDir.normalize())) {
                    throw new TfjsConversionException("weight shard '" + path.asText() + "' is outside the model folder");
                }
                data.write(Files.readAllBytes(shard));
            }
            decodeGroup(group.path("weights"), ByteBuffer.wrap(data.toByteArray()).order(ByteOrder.LITTLE_ENDIAN), weights);
        }
        return weights;
    }

    /** Decodes the weights listed in {@code specs} from {@code data}, in order. */
    static void decodeGroup(JsonNode specs, ByteBuffer data, Map<String, ConstTensor> into) {
        for (JsonNode spec : specs) {
            String name = spec.path("name").asText();
            long[] shape = new long[spec.path("shape").size()];
            for (int k = 0; k < shape.length; k++) shape[k] = spec.path("shape").get(k).asLong();
            DType dtype = DType.ofTfjs(spec.path("dtype").asText());
            int count = (int) Shapes.count(shape);
            try {
                JsonNode q = spec.path("quantization");
                into.put(name, q.isMissingNode() ? plain(dtype, shape, count, data) : quantized(dtype, shape, count, q, data));
            } catch (java.nio.BufferUnderflowException e) {
                throw new TfjsConversionException("the weight files end before weight '" + name + "' does");
            }
        }
        if (data.hasRemaining()) {
            throw new TfjsConversionException("the weight files hold " + data.remaining() + " bytes more than the manifest lists");
        }
    }

    private static ConstTensor plain(DType dtype, long[] shape, int count, ByteBuffer data) {
        return switch (dtype) {
            case FLOAT -> {
                float[] v = new float[count];
                data.asFloatBuffer().get(v);
                data.position(data.position() + count * 4);
                yield ConstTensor.floats(shape, v);
            }
            case INT32 -> {
                long[] v = new long[count];
                for (int i = 0; i < count; i++) v[i] = data.getInt();
                yield ConstTensor.ints(DType.INT32, shape, v);
            }
            case BOOL -> {
                long[] v = new long[count];
                for (int i = 0; i < count; i++) v[i] = data.get() != 0 ? 1 : 0;
                yield ConstTensor.ints(DType.BOOL, shape, v);
            }
            case STRING -> {
                for (int i = 0; i < count; i++) {
                    int length = data.getInt(); // uint32 length, then the bytes
                    data.position(data.position() + length);
                }
                yield ConstTensor.strings(shape);
            }
            default -> throw new IllegalStateException(dtype.name());
        };
    }

    private static ConstTensor quantized(DType dtype, long[] shape, int count, JsonNode q, ByteBuffer data) {
        String qtype = q.path("dtype").asText();
        switch (qtype) {
            case "uint8", "uint16" -> {
                if (!q.has("min") || !q.has("scale")) {
                    throw new TfjsConversionException("weight quantized to " + qtype + " lacks min and scale");
                }
                double min = q.path("min").asDouble();
                double scale = q.path("scale").asDouble();
                boolean wide = qtype.equals("uint16");
                if (dtype == DType.FLOAT) {
                    float[] v = new float[count];
                    for (int i = 0; i < count; i++) {
                        int raw = wide ? Short.toUnsignedInt(data.getShort()) : Byte.toUnsignedInt(data.get());
                        v[i] = (float) (raw * scale + min); // tfjs: computed in double, stored in a Float32Array
                    }
                    return ConstTensor.floats(shape, v);
                }
                if (dtype == DType.INT32) {
                    long[] v = new long[count];
                    for (int i = 0; i < count; i++) {
                        int raw = wide ? Short.toUnsignedInt(data.getShort()) : Byte.toUnsignedInt(data.get());
                        v[i] = jsRound(raw * scale + min);
                    }
                    return ConstTensor.ints(DType.INT32, shape, v);
                }
                throw new TfjsConversionException("a " + dtype + " weight cannot be quantized to " + qtype);
            }
            case "float16" -> {
                if (dtype != DType.FLOAT) throw new TfjsConversionException("only float32 weights can be stored as float16");
                float[] v = new float[count];
                for (int i = 0; i < count; i++) v[i] = halfToFloat(data.getShort());
                return ConstTensor.floats(shape, v);
            }
            default -> throw new TfjsConversionException("unsupported weight quantization dtype '" + qtype + "'");
        }
    }

    /** JavaScript's Math.round: halves round up (towards +infinity). */
    private static long jsRound(double v) {
        return (long) Math.floor(v + 0.5);
    }

    /** IEEE 754 binary16 to binary32 (exact: every half is a float). */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13)); // inf, NaN
        if (exp == 0) {
            float magnitude = mantissa * 0x1p-24f; // subnormal (or zero)
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mantissa << 13));
    }
}
