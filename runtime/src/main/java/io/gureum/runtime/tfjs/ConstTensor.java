package io.gureum.runtime.tfjs;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * A constant tensor known at conversion time: a weight, or the result of folding an op whose
 * inputs are all constant. Floats are held as {@code float[]}; int32, int64 and bool as
 * {@code long[]} (bool as 0/1), so integer arithmetic has one code path.
 */
final class ConstTensor {
    final DType dtype;
    final long[] shape;
    private final float[] floats;
    private final long[] longs;

    private ConstTensor(DType dtype, long[] shape, float[] floats, long[] longs) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.floats = floats;
        this.longs = longs;
        long count = Shapes.count(shape);
        int held = floats != null ? floats.length : longs != null ? longs.length : -1;
        if (held >= 0 && count != held) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count + " values, not " + held);
        }
    }

    static ConstTensor floats(long[] shape, float... values) {
        return new ConstTensor(DType.FLOAT, shape, values, null);
    }

    static ConstTensor ints(DType dtype, long[] shape, long... values) {
        if (dtype == DType.FLOAT || dtype == DType.STRING) throw new IllegalArgumentException(dtype + " is not integral");
        return new ConstTensor(dtype, shape, null, values);
    }

    static ConstTensor int64s(long... values) {
        return ints(DType.INT64, new long[]{values.length}, values);
    }

    static ConstTensor scalar(DType dtype, double value) {
        return dtype == DType.FLOAT ? floats(new long[0], (float) value) : ints(dtype, new long[0], (long) value);
    }

    /** String weights are read (to keep the weight offsets right) but carry no usable values. */
    static ConstTensor strings(long[] shape) {
        return new ConstTensor(DType.STRING, shape, null, null);
    }

    int count() {
        return (int) Shapes.count(shape);
    }

    int rank() {
        return shape.length;
    }

    float[] floatValues() {
        if (floats != null) return floats;
        float[] out = new float[count()];
        for (int i = 0; i < out.length; i++) out[i] = longs[i];
        return out;
    }

    long[] longValues() {
        if (longs != null) return longs;
        requireValues();
        long[] out = new long[count()];
        for (int i = 0; i < out.length; i++) out[i] = (long) floats[i];
        return out;
    }

    double get(int i) {
        requireValues();
        return floats != null ? floats[i] : longs[i];
    }

    ConstTensor reshape(long... newShape) {
        return new ConstTensor(dtype, newShape, floats, longs);
    }

    ConstTensor cast(DType to) {
        requireValues();
        if (to == dtype) return this;
        if (to == DType.FLOAT) return floats(shape, floatValues());
        long[] values = new long[count()];
        for (int i = 0; i < values.length; i++) {
            double v = get(i);
            values[i] = to == DType.BOOL ? (v != 0 ? 1 : 0) : to == DType.INT32 ? (int) (long) v : (long) v;
        }
        return ints(to, shape, values);
    }

    /** {@code onnx = transpose(this, perm)}: output dim j is input dim perm[j]. */
    ConstTensor transpose(int[] perm) {
        if (perm == null || Layout.isIdentity(perm)) return this;
        long[] outShape = Layout.apply(shape, perm);
        long[] strides = Shapes.strides(shape);
        long[] picked = new long[perm.length];
        for (int j = 0; j < perm.length; j++) picked[j] = strides[perm[j]];
        return gather(outShape, (axis, i) -> i * picked[axis]);
    }

    /** Picks {@code index[axis][i]} along each axis (a strided slice in general form). */
    ConstTensor select(long[][] index) {
        long[] outShape = new long[index.length];
        long[] strides = Shapes.strides(shape);
        for (int a = 0; a < index.length; a++) outShape[a] = index[a].length;
        return gather(outShape, (axis, i) -> index[axis][(int) i] * strides[axis]);
    }

    /** Broadcasting element-wise op, TF (numpy) rules. */
    static ConstTensor binary(ConstTensor a, ConstTensor b, DType out, DoubleBinaryOperator onFloats, LongBinaryOperator onLongs) {
        a.requireValues();
        b.requireValues();
        long[] shape = Shapes.broadcast(a.shape, b.shape);
        int n = (int) Shapes.count(shape);
        int[] ia = broadcastOffsets(a.shape, shape);
        int[] ib = broadcastOffsets(b.shape, shape);
        boolean inFloat = a.dtype == DType.FLOAT || b.dtype == DType.FLOAT;
        if (inFloat) {
            float[] fa = a.floatValues();
            float[] fb = b.floatValues();
            if (out == DType.FLOAT) {
                float[] r = new float[n];
                for (int i = 0; i < n; i++) r[i] = (float) onFloats.applyAsDouble(fa[ia[i]], fb[ib[i]]);
                return floats(shape, r);
            }
            long[] r = new long[n];
            for (int i = 0; i < n; i++) r[i] = (long) onFloats.applyAsDouble(fa[ia[i]], fb[ib[i]]);
            return ints(out, shape, r);
        }
        long[] la = a.longs;
        long[] lb = b.longs;
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            long v = onLongs.applyAsLong(la[ia[i]], lb[ib[i]]);
            r[i] = out == DType.INT32 ? (int) v : v;
        }
        return ints(out, shape, r);
    }

    static ConstTensor concat(List<ConstTensor> parts, int axis) {
        ConstTensor first = parts.get(0);
        long[] shape = first.shape.clone();
        shape[axis] = parts.stream().mapToLong(p -> p.shape[axis]).sum();
        long outer = Shapes.count(Arrays.copyOf(shape, axis));
        int n = (int) Shapes.count(shape);
        float[] f = first.dtype == DType.FLOAT ? new float[n] : null;
        long[] l = f == null ? new long[n] : null;
        int at = 0;
        for (long o = 0; o < outer; o++) {
            for (ConstTensor p : parts) {
                p.requireValues();
                int block = (int) Shapes.count(Arrays.copyOfRange(p.shape, axis, p.shape.length));
                int from = (int) (o * block);
                if (f != null) System.arraycopy(p.floatValues(), from, f, at, block);
                else System.arraycopy(p.longValues(), from, l, at, block);
                at += block;
            }
        }
        return f != null ? floats(shape, f) : ints(first.dtype, shape, l);
    }

    TensorProto toProto(String name) {
        requireValues();
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(dtype.onnx.getNumber());
        for (long d : shape) t.addDims(d);
        ByteBuffer buf = ByteBuffer.allocate(count() * dtype.bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case FLOAT -> buf.asFloatBuffer().put(floats);
            case INT32 -> { for (long v : longs) buf.putInt((int) v); }
            case INT64 -> buf.asLongBuffer().put(longs);
            case BOOL -> { for (long v : longs) buf.put((byte) (v != 0 ? 1 : 0)); }
            default -> throw new IllegalStateException(dtype.name());
        }
        return t.setRawData(ByteString.copyFrom(buf.array())).build();
    }

    @Override
    public String toString() {
        String values = dtype == DType.STRING ? "strings" : count() <= 8
                ? (floats != null ? Arrays.toString(floats) : Arrays.toString(longs)) : count() + " values";
        return dtype + Arrays.toString(shape) + " " + values;
    }

    private void requireValues() {
        if (dtype == DType.STRING) throw new TfjsConversionException("string tensors are not supported in converted graphs");
    }

    private interface AxisOffset {
        long offset(int axis, long i);
    }

    private ConstTensor gather(long[] outShape, AxisOffset offset) {
        requireValues();
        int n = (int) Shapes.count(outShape);
        float[] f = floats != null ? new float[n] : null;
        long[] l = f == null ? new long[n] : null;
        long[] idx = new long[outShape.length];
        for (int i = 0; i < n; i++) {
            long src = 0;
            for (int a = 0; a < idx.length; a++) src += offset.offset(a, idx[a]);
            if (f != null) f[i] = floats[(int) src];
            else l[i] = longs[(int) src];
            for (int a = idx.length - 1; a >= 0 && ++idx[a] == outShape[a]; a--) idx[a] = 0;
        }
        return f != null ? floats(outShape, f) : ints(dtype, outShape, l);
    }

    /** For each element of {@code out}, the flat offset of the element of {@code in} that broadcasts to it. */
    private static int[] broadcastOffsets(long[] in, long[] out) {
        int n = (int) Shapes.count(out);
        long[] padded = new long[out.length];
        Arrays.fill(padded, 1);
        System.arraycopy(in, 0, padded, out.length - in.length, in.length);
        long[] strides = Shapes.strides(padded);
        int[] offsets = new int[n];
        long[] idx = new long[out.length];
        for (int i = 0; i < n; i++) {
            long src = 0;
            for (int a = 0; a < idx.length; a++) if (padded[a] != 1) src += idx[a] * strides[a];
            offsets[i] = (int) src;
            for (int a = idx.length - 1; a >= 0 && ++idx[a] == out[a]; a--) idx[a] = 0;
        }
        return offsets;
    }
}
