package io.gureum.automl.features;

import io.gureum.automl.Task;
import io.gureum.automl.data.Column;
import io.gureum.automl.data.ColumnProfile;
import io.gureum.automl.data.ColumnType;
import io.gureum.automl.data.Table;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Source columns to features, fitted on the training rows of one fold only (so a validation fold never informs its
 * own encoding): numbers as they are plus missing indicators, categories one-hot when there are few and target
 * encoded (out of fold) when there are many, dates as parts, free text hashed. ID and constant columns were
 * dropped before. Immutable once fitted.
 */
public final class FeaturePipeline {
    /** At most this many categories are one-hot encoded; more are target encoded. */
    static final int ONE_HOT_MAX = 12;
    static final int TEXT_BUCKETS = 32;
    static final int INNER_FOLDS = 5;

    private final List<ColumnEncoder> encoders;
    private final List<String> featureNames = new ArrayList<>();
    private final List<String> featureSources = new ArrayList<>();
    private final int[] offsets;

    private FeaturePipeline(List<ColumnEncoder> encoders) {
        this.encoders = List.copyOf(encoders);
        this.offsets = new int[encoders.size()];
        int offset = 0;
        for (int e = 0; e < encoders.size(); e++) {
            offsets[e] = offset;
            for (String name : encoders.get(e).featureNames()) {
                featureNames.add(name);
                featureSources.add(encoders.get(e).column());
            }
            offset += encoders.get(e).width();
        }
    }

    /** A fitted pipeline and the training rows' features (target-encoded out of fold). */
    public record Fitted(FeaturePipeline pipeline, FeatureMatrix train) {}

    /**
     * Fits on {@code rows} of {@code table} whose targets are {@code y} (class index or value, aligned with rows),
     * using the columns in {@code profiles} (already free of the target, excluded, ID and constant columns).
     */
    public static Fitted fit(Table table, List<ColumnProfile> profiles, int[] rows, double[] y, Task task, int classes, long seed) {
        int outputs = task == Task.MULTICLASS ? classes : 1;
        double[][] targets = new double[rows.length][];
        double[] prior = new double[outputs];
        for (int i = 0; i < rows.length; i++) {
            double[] t = new double[outputs];
            if (task == Task.MULTICLASS) t[(int) y[i]] = 1; else t[0] = y[i];
            targets[i] = t;
            for (int o = 0; o < outputs; o++) prior[o] += t[o] / rows.length;
        }
        List<ColumnEncoder> encoders = new ArrayList<>();
        for (ColumnProfile p : profiles) {
            Column c = table.column(p.name()).orElseThrow();
            switch (p.type()) {
                case NUMERIC -> encoders.add(new NumericEncoder(p.name(), anyMissing(c, rows)));
                case DATETIME -> encoders.add(new DatetimeEncoder(p.name()));
                case TEXT -> encoders.add(new TextHashEncoder(p.name(), TEXT_BUCKETS));
                case CATEGORICAL, BOOLEAN -> {
                    List<String> levels = levels(c, rows);
                    if (levels.size() <= ONE_HOT_MAX) encoders.add(OneHotEncoder.of(p.name(), levels));
                    else encoders.add(TargetEncoder.fit(c, rows, targets, outputs, prior));
                }
                case ID, CONSTANT -> { }
            }
        }
        FeaturePipeline pipeline = new FeaturePipeline(encoders);
        FeatureMatrix train = pipeline.transform(table, rows);
        pipeline.overwriteOutOfFold(table, rows, targets, outputs, prior, train, seed);
        return new Fitted(pipeline, train);
    }

    /** Replaces each target-encoded training value with one fitted on the other inner folds of the training rows. */
    private void overwriteOutOfFold(Table table, int[] rows, double[][] targets, int outputs, double[] prior, FeatureMatrix train, long seed) {
        if (encoders.stream().noneMatch(e -> e instanceof TargetEncoder)) return;
        int[] inner = new int[rows.length];
        Random random = new Random(seed ^ 0x5EEDL);
        for (int i = 0; i < rows.length; i++) inner[i] = random.nextInt(INNER_FOLDS);
        for (int f = 0; f < INNER_FOLDS; f++) {
            List<Integer> fitIdx = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) if (inner[i] != f) fitIdx.add(i);
            int[] fitRows = fitIdx.stream().mapToInt(i -> rows[i]).toArray();
            double[][] fitTargets = fitIdx.stream().map(i -> targets[i]).toArray(double[][]::new);
            for (int e = 0; e < encoders.size(); e++) {
                if (!(encoders.get(e) instanceof TargetEncoder)) continue;
                Column c = table.column(encoders.get(e).column()).orElseThrow();
                TargetEncoder part = TargetEncoder.fit(c, fitRows, fitTargets, outputs, prior);
                for (int i = 0; i < rows.length; i++) {
                    if (inner[i] == f) part.encode(c, rows[i], train.values(), i * train.cols() + offsets[e]);
                }
            }
        }
    }

    public FeatureMatrix transform(Table table, int[] rows) {
        int width = featureNames.size();
        float[] out = new float[rows.length * width];
        Column[] columns = new Column[encoders.size()];
        for (int e = 0; e < encoders.size(); e++) {
            String name = encoders.get(e).column();
            columns[e] = table.column(name).orElseThrow(() -> new IllegalArgumentException("no column '" + name + "'"));
        }
        for (int i = 0; i < rows.length; i++) {
            for (int e = 0; e < encoders.size(); e++) encoders.get(e).encode(columns[e], rows[i], out, i * width + offsets[e]);
        }
        return new FeatureMatrix(out, rows.length, width);
    }

    public List<String> featureNames() { return List.copyOf(featureNames); }

    /** The source column of each feature, for importances in the user's own column names. */
    public List<String> featureSources() { return List.copyOf(featureSources); }

    /** The source columns this pipeline reads, in order. */
    public List<String> sourceColumns() { return encoders.stream().map(ColumnEncoder::column).toList(); }

    /** The columns read as numbers (a value that is not a number is an error when predicting). */
    public Set<String> numericColumns() {
        Set<String> out = new HashSet<>();
        for (ColumnEncoder e : encoders) if (e instanceof NumericEncoder) out.add(e.column());
        return out;
    }

    /** The columns read as dates. */
    public Set<String> dateColumns() {
        Set<String> out = new HashSet<>();
        for (ColumnEncoder e : encoders) if (e instanceof DatetimeEncoder) out.add(e.column());
        return out;
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(encoders.size());
        for (ColumnEncoder e : encoders) e.write(out);
    }

    public static FeaturePipeline read(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<ColumnEncoder> encoders = new ArrayList<>(n);
        for (int i = 0; i < n; i++) encoders.add(EncoderCodec.read(in));
        return new FeaturePipeline(encoders);
    }

    private static boolean anyMissing(Column c, int[] rows) {
        for (int r : rows) if (c.isMissing(r)) return true;
        return false;
    }

    /** The categories present in the training rows, most frequent first (ties by name, for a stable layout). */
    private static List<String> levels(Column c, int[] rows) {
        Map<String, Integer> counts = new HashMap<>();
        for (int r : rows) {
            String v = c.text(r);
            if (v != null) counts.merge(v, 1, Integer::sum);
        }
        List<String> levels = new ArrayList<>(counts.keySet());
        levels.sort((a, b) -> counts.get(b).equals(counts.get(a)) ? a.compareTo(b) : counts.get(b) - counts.get(a));
        return levels;
    }

}
