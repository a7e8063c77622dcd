package io.gureum.runtime.tfjs;

import io.gureum.runtime.onnx.OnnxModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares ONNX Runtime's outputs with tfjs's golden ones, numpy-allclose style:
 * {@code |onnx - tfjs| <= atol + rtol * |tfjs|} at every stored position, and the same for the
 * mean of the whole output. The relative term only matters for large values (detector outputs in
 * pixels), where float32 rounding alone differs by more than 1e-3 between two correct runtimes.
 */
final class GoldenComparison {
    private GoldenComparison() {}

    /** One output's largest absolute difference. */
    record Diff(String output, double maxAbs, double maxRef) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: max |diff| %.2g (|values| up to %.3g)", output, maxAbs, maxRef);
        }
    }

    static List<Diff> assertClose(GoldenFile golden, OnnxModel.Outputs actual, double atol, double rtol) {
        List<Diff> diffs = new ArrayList<>();
        for (GoldenFile.Output want : golden.outputs()) {
            OnnxModel.Output got = actual.get(want.name());
            assertThat(got.shape()).as("shape of %s", want.name()).containsExactly(want.shape());
            double[] v = doubles(got.data());
            double maxAbs = 0;
            double maxRef = 0;
            for (int k = 0; k < want.values().length; k++) {
                int at = want.indices() == null ? k : (int) want.indices()[k];
                double expected = want.values()[k];
                double diff = Math.abs(v[at] - expected);
                if (!(diff <= atol + rtol * Math.abs(expected))) {
                    throw new AssertionError(String.format(Locale.ROOT, "%s[%d] is %s, tfjs gives %s (diff %.3g > %.3g + %.3g * |tfjs|)",
                            want.name(), at, v[at], expected, diff, atol, rtol));
                }
                maxAbs = Math.max(maxAbs, diff);
                maxRef = Math.max(maxRef, Math.abs(expected));
            }
            double mean = Arrays.stream(v).sum() / Math.max(v.length, 1);
            assertThat(Math.abs(mean - want.mean())).as("mean of %s", want.name())
                    .isLessThanOrEqualTo(atol + rtol * Math.abs(want.mean()));
            diffs.add(new Diff(want.name(), maxAbs, maxRef));
        }
        return diffs;
    }

    static double[] doubles(Object data) {
        if (data instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) d[i] = f[i];
            return d;
        }
        if (data instanceof int[] a) return Arrays.stream(a).asDoubleStream().toArray();
        if (data instanceof long[] a) return Arrays.stream(a).asDoubleStream().toArray();
        if (data instanceof boolean[] b) {
            double[] d = new double[b.length];
            for (int i = 0; i < b.length; i++) d[i] = b[i] ? 1 : 0;
            return d;
        }
        throw new IllegalArgumentException("unexpected output type " + data.getClass());
    }
}
