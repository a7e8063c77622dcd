package io.gureum.automl.model;

import io.gureum.automl.Metric;
import io.gureum.automl.Task;
import io.gureum.automl.data.CsvOptions;
import io.gureum.automl.data.Datetimes;
import io.gureum.automl.data.Table;
import io.gureum.automl.features.FeatureMatrix;
import io.gureum.automl.features.FeaturePipeline;
import io.gureum.automl.learn.FittedModel;
import io.gureum.automl.learn.FittedModels;
import io.gureum.core.Problem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trained model as a self-contained scoring artifact: the preprocessing fitted on all training rows, one model
 * (or an ensemble's members and weights) and its {@link ModelCard}. Independent of the experiment that made it;
 * {@link #toBytes()} and {@link #parse(byte[])} move it through the model store, and a parsed model predicts
 * exactly as the original. Thread-safe for prediction.
 */
public final class ScoringModel implements AutoCloseable {
    private static final byte[] MAGIC = "GUREUM-AUTOML".getBytes(StandardCharsets.US_ASCII);

    private final ModelCard card;
    private final FeaturePipeline pipeline;
    private final List<FittedModel> members;
    private final double[] weights;

    public ScoringModel(ModelCard card, FeaturePipeline pipeline, List<FittedModel> members, double[] weights) {
        if (members.size() != weights.length) throw new IllegalArgumentException(members.size() + " members, " + weights.length + " weights");
        this.card = card;
        this.pipeline = pipeline;
        this.members = List.copyOf(members);
        this.weights = weights.clone();
    }

    public ModelCard card() { return card; }

    /**
     * Predicts each row (column name to value; numbers may be given as numbers or text). A row that lacks one of the
     * model's columns, or holds a value that cannot be read as its column's type, gets an error of its own; a null
     * value is a missing value; an unseen category is treated as missing; extra keys are ignored.
     */
    public List<RowPrediction> predict(List<Map<String, Object>> rows) {
        List<String> columns = pipeline.sourceColumns();
        Set<String> numeric = pipeline.numericColumns();
        Set<String> dates = pipeline.dateColumns();
        CsvOptions csv = CsvOptions.defaults();
        String[] errors = new String[rows.size()];
        List<Map<String, Object>> good = new ArrayList<>();
        List<Integer> goodIndex = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            errors[i] = check(rows.get(i), columns, numeric, dates, csv);
            if (errors[i] == null) { good.add(rows.get(i)); goodIndex.add(i); }
        }
        RowPrediction[] out = new RowPrediction[rows.size()];
        for (int i = 0; i < rows.size(); i++) if (errors[i] != null) out[i] = RowPrediction.failed(errors[i]);
        if (!good.isEmpty()) {
            Table table = Table.ofRows(columns, good, csv);
            FeatureMatrix x = pipeline.transform(table, java.util.stream.IntStream.range(0, good.size()).toArray());
            double[][] p = predictFeatures(x);
            for (int j = 0; j < good.size(); j++) out[goodIndex.get(j)] = toPrediction(p[j]);
        }
        return Arrays.asList(out);
    }

    /** Blended raw predictions over encoded features: class probabilities, or a one-element value. */
    double[][] predictFeatures(FeatureMatrix x) {
        double[][] sum = null;
        for (int m = 0; m < members.size(); m++) {
            double[][] p = members.get(m).predict(x);
            if (sum == null) sum = new double[p.length][p.length == 0 ? 0 : p[0].length];
            for (int i = 0; i < p.length; i++) for (int k = 0; k < p[i].length; k++) sum[i][k] += weights[m] * p[i][k];
        }
        return sum;
    }

    private RowPrediction toPrediction(double[] p) {
        if (card.task() == Task.REGRESSION) return new RowPrediction(null, null, p[0], null);
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int c = 0; c < p.length; c++) probabilities.put(card.classes().get(c), p[c]);
        return new RowPrediction(card.classes().get(Metric.argmax(p)), probabilities, null, null);
    }

    private static String check(Map<String, Object> row, List<String> columns, Set<String> numeric, Set<String> dates, CsvOptions csv) {
        if (row == null) return "the row is empty";
        List<String> absent = new ArrayList<>();
        for (String c : columns) {
            if (!row.containsKey(c)) { absent.add(c); continue; }
            Object v = row.get(c);
            if (v == null || v instanceof Number) continue;
            String s = v.toString().trim();
            if (csv.isMissing(s)) continue;
            if (numeric.contains(c) && Double.isNaN(parseNumber(s))) return "column '" + c + "': '" + s + "' is not a number";
            if (dates.contains(c) && Double.isNaN(Datetimes.epochSeconds(s))) return "column '" + c + "': '" + s + "' is not a date";
        }
        if (!absent.isEmpty()) return "missing column" + (absent.size() > 1 ? "s " : " ") + absent + " (send null for a missing value)";
        return null;
    }

    private static double parseNumber(String s) {
        try { return Double.parseDouble(s); } catch (NumberFormatException e) { return Double.NaN; }
    }

    /** The versioned model file: magic, format version, card, preprocessing, members with their weights. */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            out.write(MAGIC);
            out.writeInt(ModelCard.FORMAT_VERSION);
            ModelCardCodec.write(card, out);
            pipeline.write(out);
            out.writeInt(members.size());
            for (int m = 0; m < members.size(); m++) {
                out.writeDouble(weights[m]);
                byte[] bytes = members.get(m).toBytes();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a model file; a 400 {@code invalid_model} problem when it is not one or comes from a newer format. */
    public static ScoringModel parse(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) throw invalid("not a Gureum AutoML model file");
            int version = in.readInt();
            if (version > ModelCard.FORMAT_VERSION) {
                throw invalid("model format " + version + " is newer than this Gureum reads (" + ModelCard.FORMAT_VERSION + ")");
            }
            ModelCard card = ModelCardCodec.read(in, version);
            FeaturePipeline pipeline = FeaturePipeline.read(in);
            int n = in.readInt();
            List<FittedModel> members = new ArrayList<>();
            double[] weights = new double[n];
            for (int m = 0; m < n; m++) {
                weights[m] = in.readDouble();
                members.add(FittedModels.read(in.readNBytes(in.readInt())));
            }
            return new ScoringModel(card, pipeline, members, weights);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw invalid("the model file is damaged: " + e.getMessage());
        }
    }

    private static Problem invalid(String detail) {
        return Problem.badRequest("invalid_model", detail);
    }

    @Override
    public void close() { members.forEach(FittedModel::close); }
}
