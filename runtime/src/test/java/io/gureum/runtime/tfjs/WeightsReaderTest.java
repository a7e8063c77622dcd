package io.gureum.runtime.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Weight decoding, values worked out by hand from tfjs's rules (io_utils.decodeWeights). The
 * {@code quantized} op case checks the same paths end to end against tfjs itself.
 */
class WeightsReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void uint8AndUint16AreDequantizedWithMinAndScale() throws Exception {
        ByteBuffer data = le(3 + 2 * 3);
        data.put((byte) 0).put((byte) 128).put((byte) 255);
        data.putShort((short) 0).putShort((short) 0x8000).putShort((short) 0xffff);
        Map<String, ConstTensor> w = decode("""
                [{"name": "a", "shape": [3], "dtype": "float32", "quantization": {"dtype": "uint8", "min": -1.0, "scale": 0.0078125}},
                 {"name": "b", "shape": [3], "dtype": "float32", "quantization": {"dtype": "uint16", "min": 0.5, "scale": 0.001, "original_dtype": "float32"}}]
                """, data);

        assertThat(w.get("a").floatValues()).containsExactly(-1f, 0f, 0.9921875f);
        // computed in double, then rounded to float32 once, as tfjs's Float32Array does
        assertThat(w.get("b").floatValues()).containsExactly(0.5f, (float) (32768 * 0.001 + 0.5), (float) (65535 * 0.001 + 0.5));
    }

    @Test
    void quantizedInt32WeightsRoundHalvesUpLikeMathRound() throws Exception {
        ByteBuffer data = le(4);
        data.put((byte) 0).put((byte) 1).put((byte) 2).put((byte) 3);
        Map<String, ConstTensor> w = decode("""
                [{"name": "i", "shape": [2, 2], "dtype": "int32", "quantization": {"dtype": "uint8", "min": -1.5, "scale": 0.5}}]
                """, data);

        assertThat(w.get("i").dtype).isEqualTo(DType.INT32);
        assertThat(w.get("i").shape).containsExactly(2, 2);
        assertThat(w.get("i").longValues()).containsExactly(-1, -1, 0, 0); // -1.5 -> -1, -1 -> -1, -0.5 -> -0, 0 -> 0
    }

    @Test
    void float16CoversNormalsSubnormalsSignsAndInfinities() throws Exception {
        short[] halves = {0x3c00, (short) 0xc000, 0x3555, 0x0001, (short) 0x8000, 0x7bff, 0x7c00, (short) 0xfc00};
        ByteBuffer data = le(halves.length * 2);
        for (short h : halves) data.putShort(h);
        float[] v = decode("[{\"name\": \"h\", \"shape\": [8], \"dtype\": \"float32\", \"quantization\": {\"dtype\": \"float16\"}}]", data)
                .get("h").floatValues();

        assertThat(v[0]).isEqualTo(1f);
        assertThat(v[1]).isEqualTo(-2f);
        assertThat(v[2]).isEqualTo(0.333251953125f);
        assertThat(v[3]).isEqualTo(5.9604645e-8f); // smallest subnormal, 2^-24
        assertThat(Float.floatToIntBits(v[4])).isEqualTo(Float.floatToIntBits(-0f));
        assertThat(v[5]).isEqualTo(65504f);
        assertThat(v[6]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(v[7]).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @Test
    void plainWeightsLieBackToBackAndStringsAreSkippedOver() throws Exception {
        ByteBuffer data = le(4 + 4 + 4 + 5 + 4 + 2);
        data.putFloat(1.25f).putInt(-7);
        data.putInt(5).put("hello".getBytes()); // one string: uint32 length, then bytes
        data.putInt(42);
        data.put((byte) 1).put((byte) 0);
        Map<String, ConstTensor> w = decode("""
                [{"name": "f", "shape": [], "dtype": "float32"}, {"name": "i", "shape": [1], "dtype": "int32"},
                 {"name": "s", "shape": [1], "dtype": "string"}, {"name": "after", "shape": [], "dtype": "int32"},
                 {"name": "b", "shape": [2], "dtype": "bool"}]
                """, data);

        assertThat(w.get("f").floatValues()).containsExactly(1.25f);
        assertThat(w.get("i").longValues()).containsExactly(-7);
        assertThat(w.get("after").longValues()).containsExactly(42);
        assertThat(w.get("b").longValues()).containsExactly(1, 0);
        assertThat(w.get("s").dtype).isEqualTo(DType.STRING);
    }

    @Test
    void shardsThatDoNotMatchTheManifestAreRefused() {
        assertThatThrownBy(() -> decode("[{\"name\": \"f\", \"shape\": [4], \"dtype\": \"float32\"}]", le(8)))
                .hasMessageContaining("end before weight 'f'");
        assertThatThrownBy(() -> decode("[{\"name\": \"f\", \"shape\": [1], \"dtype\": \"float32\"}]", le(8)))
                .hasMessageContaining("4 bytes more than the manifest lists");
        assertThatThrownBy(() -> decode("[{\"name\": \"q\", \"shape\": [1], \"dtype\": \"float32\", \"quantization\": {\"dtype\": \"uint8\"}}]", le(1)))
                .hasMessageContaining("lacks min and scale");
        assertThatThrownBy(() -> decode("[{\"name\": \"q\", \"shape\": [1], \"dtype\": \"int32\", \"quantization\": {\"dtype\": \"float16\"}}]", le(2)))
                .hasMessageContaining("only float32 weights can be stored as float16");
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static Map<String, ConstTensor> decode(String specs, ByteBuffer data) throws Exception {
        JsonNode json = JSON.readTree(specs);
        Map<String, ConstTensor> out = new LinkedHashMap<>();
        WeightsReader.decodeGroup(json, data.position() > 0 ? data.flip() : data, out); // unwritten: all zeros
        return out;
    }
}
