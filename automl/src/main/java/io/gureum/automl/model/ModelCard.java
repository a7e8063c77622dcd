package io.gureum.automl.model;

import io.gureum.automl.Metric;
import io.gureum.automl.Task;
import io.gureum.automl.data.ColumnType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a scoring model is and where it came from: its id and family, the target and task (with class names), the
 * metric it was chosen on and its cross-validated scores, the training data's shape and the schema it expects,
 * ensemble members and weights, its settings, the libraries (with versions) that trained it, seed, folds and
 * times (the search; the refit on all rows), and when it was made.
 */
public record ModelCard(int formatVersion, String modelId, String family, String target, Task task, List<String> classes,
                        Metric metric, Map<String, Double> cvMetrics, int trainingRows, int dataColumns,
                        List<SchemaColumn> schema, List<String> members, List<Double> weights, Map<String, String> params,
                        Map<String, String> libraries, long seed, int folds, long searchMillis, long refitMillis,
                        String createdAt) {
    public static final int FORMAT_VERSION = 1;

    /** A column the model reads, with the type it was read as. */
    public record SchemaColumn(String name, ColumnType type) {}

    public ModelCard {
        classes = List.copyOf(classes);
        cvMetrics = Map.copyOf(cvMetrics);
        schema = List.copyOf(schema);
        members = List.copyOf(members);
        weights = List.copyOf(weights);
        params = Map.copyOf(params);
        libraries = Map.copyOf(libraries);
    }

    /** The versions of the libraries this build trains with (written into the jar at build time), plus the JVM. */
    public static Map<String, String> libraryVersions() {
        Map<String, String> out = new LinkedHashMap<>();
        Properties p = new Properties();
        try (InputStream in = ModelCard.class.getResourceAsStream("/io/gureum/automl/versions.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : List.of("gureum-automl", "xgboost4j", "lightgbm4j")) out.put(name, p.getProperty(name, "unknown"));
        out.put("java", System.getProperty("java.version"));
        return out;
    }
}
