package io.gureum.automl.model;

import io.gureum.automl.Metric;
import io.gureum.automl.Task;
import io.gureum.automl.data.ColumnType;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model card inside a model file, field by field. */
final class ModelCardCodec {
    private ModelCardCodec() {}

    static void write(ModelCard c, DataOutputStream out) throws IOException {
        out.writeUTF(c.modelId());
        out.writeUTF(c.family());
        out.writeUTF(c.target());
        out.writeUTF(c.task().name());
        writeStrings(out, c.classes());
        out.writeUTF(c.metric().name());
        out.writeInt(c.cvMetrics().size());
        for (Map.Entry<String, Double> e : new java.util.TreeMap<>(c.cvMetrics()).entrySet()) { out.writeUTF(e.getKey()); out.writeDouble(e.getValue()); }
        out.writeInt(c.trainingRows());
        out.writeInt(c.dataColumns());
        out.writeInt(c.schema().size());
        for (ModelCard.SchemaColumn s : c.schema()) { out.writeUTF(s.name()); out.writeUTF(s.type().name()); }
        writeStrings(out, c.members());
        out.writeInt(c.weights().size());
        for (double w : c.weights()) out.writeDouble(w);
        writeMap(out, c.params());
        writeMap(out, c.libraries());
        out.writeLong(c.seed());
        out.writeInt(c.folds());
        out.writeLong(c.searchMillis());
        out.writeLong(c.refitMillis());
        out.writeUTF(c.createdAt());
    }

    static ModelCard read(DataInputStream in, int formatVersion) throws IOException {
        String id = in.readUTF(), family = in.readUTF(), target = in.readUTF();
        Task task = Task.valueOf(in.readUTF());
        List<String> classes = readStrings(in);
        Metric metric = Metric.valueOf(in.readUTF());
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int i = 0, n = in.readInt(); i < n; i++) metrics.put(in.readUTF(), in.readDouble());
        int rows = in.readInt(), columns = in.readInt();
        List<ModelCard.SchemaColumn> schema = new ArrayList<>();
        for (int i = 0, n = in.readInt(); i < n; i++) schema.add(new ModelCard.SchemaColumn(in.readUTF(), ColumnType.valueOf(in.readUTF())));
        List<String> members = readStrings(in);
        List<Double> weights = new ArrayList<>();
        for (int i = 0, n = in.readInt(); i < n; i++) weights.add(in.readDouble());
        Map<String, String> params = readMap(in), libraries = readMap(in);
        long seed = in.readLong();
        int folds = in.readInt();
        long search = in.readLong(), refit = in.readLong();
        String created = in.readUTF();
        return new ModelCard(formatVersion, id, family, target, task, classes, metric, metrics, rows, columns, schema, members,
                weights, params, libraries, seed, folds, search, refit, created);
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) out.writeUTF(v);
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 0, n = in.readInt(); i < n; i++) out.add(in.readUTF());
        return out;
    }

    private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(map).entrySet()) { out.writeUTF(e.getKey()); out.writeUTF(e.getValue()); }
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0, n = in.readInt(); i < n; i++) out.put(in.readUTF(), in.readUTF());
        return out;
    }
}
