package io.gureum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gureum.automl.AutoMl;
import io.gureum.automl.ExperimentResult;
import io.gureum.automl.ExperimentSpec;
import io.gureum.automl.Folds;
import io.gureum.automl.Metric;
import io.gureum.automl.ProgressListener;
import io.gureum.automl.data.Dataset;
import io.gureum.automl.data.SklearnCsv;
import io.gureum.automl.learn.XgboostLearner;
import io.gureum.core.SharedData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code gureum bench automl}: for every CSV of the shared AutoML folder, the same seeded 5-fold stratified folds
 * (written one integer per data row for the peer), then Gureum's AutoML with the budget, XGBoost with its default
 * settings on Gureum's preprocessing and folds, and H2O AutoML as a child JVM with the same folds and budget
 * (module bench-h2o; skipped with the reason when its jar is missing or it fails). Prints the cross-validated
 * metric of each side's best model, the models each tried, and how often Gureum is at least as good as H2O.
 */
@Command(name = "automl", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"AutoML on the shared tabular datasets beside H2O AutoML at the same time budget and folds, and default XGBoost.",
                "Needs the shared data (GUREUM_SHARED_DATA, or shared/data beside the repository: automl/csv/)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:measured", "2:could not measure (no data, bad options)"})
final class AutomlBench implements Callable<Integer> {
    static final String CSV_FOLDER = "automl/csv";

    @Option(names = "--budget-seconds", description = "time budget of each AutoML run (default: ${DEFAULT-VALUE})")
    int budgetSeconds = 60;
    @Option(names = "--folds", description = "cross-validation folds (default: ${DEFAULT-VALUE})")
    int folds = 5;
    @Option(names = "--seed", description = "seed of the folds and the searches (default: ${DEFAULT-VALUE})")
    long seed = 42;
    @Option(names = "--datasets", split = ",", paramLabel = "FILE", description = "only these CSVs of the folder (default: all)")
    List<String> only;
    @Option(names = "--h2o-jar", description = "the H2O peer (default: bench-h2o/target/gureum-bench-h2o.jar beside this bench's module)")
    Path h2oJar;
    @Option(names = "--no-h2o", description = "leave the H2O peer out")
    boolean noH2o;
    @Option(names = "--json", paramLabel = "FILE", description = "where to write the results as JSON (default: bench/target/automl-bench.json)")
    Path jsonFile;

    /** One side's figure on one dataset, or why there is none. */
    record Side(double value, int modelsTried, String leader, double seconds, String skipped) {
        static Side skipped(String reason) { return new Side(Double.NaN, 0, null, 0, reason); }

        String show() { return skipped != null ? "skipped" : String.format(Locale.ROOT, "%.4f", value); }

        /** The error the metric measures, for ratios across metrics: 1 - AUC, the log loss, the RMSE. */
        double error(Metric metric) { return metric.higherIsBetter() ? 1 - value : value; }
    }

    record Row(String dataset, String target, Metric metric, int rows, Side gureum, Side h2o, Side xgboost) {}

    @Override
    public Integer call() throws Exception {
        // lightgbm4j logs each native library extraction at INFO
        System.setProperty("org.slf4j.simpleLogger.log.io.github.metarank.lightgbm4j", "warn");
        if (budgetSeconds < 1 || folds < 2) throw new BenchException("--budget-seconds must be ≥ 1 and --folds ≥ 2");
        Path folder = SharedData.resolve(CSV_FOLDER);
        if (!Files.isDirectory(folder)) throw new BenchException("no " + folder + " (set GUREUM_SHARED_DATA to the shared data folder)");
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        if (only != null) files = files.stream().filter(p -> only.contains(p.getFileName().toString())).toList();
        Path jar = h2oJar != null ? h2oJar : HttpBench.benchJar().toAbsolutePath().getParent().getParent()
                .resolveSibling("bench-h2o").resolve("target").resolve("gureum-bench-h2o.jar");
        String h2oSkip = noH2o ? "--no-h2o" : Files.isRegularFile(jar) ? null
                : "no " + jar + "; ./gureum bench automl builds it (module bench-h2o, profile bench-h2o)";

        Map<String, Object> setup = MachineCpu.describe();
        setup.put("data", folder.toString());
        System.out.println("gureum bench automl: " + budgetSeconds + " s per AutoML run, " + folds + "-fold stratified CV (seed " + seed + "), same folds for every side");
        System.out.printf(Locale.ROOT, "  machine: %s cores (%s), %s memory, %s%n", setup.get("cores"), setup.get("cpu"), setup.get("memory"), setup.get("os"));
        System.out.printf(Locale.ROOT, "  java:    %s%n  data:    %s%n  h2o:     %s%n%n", setup.get("java"), folder, h2oSkip == null ? jar : "skipped: " + h2oSkip);

        Path work = Files.createTempDirectory("gureum-bench-automl");
        List<Row> rows = new ArrayList<>();
        try {
            for (Path file : files) {
                String name = file.getFileName().toString();
                AutomlDatasets.Entry entry = AutomlDatasets.of(name).orElse(null);
                if (entry == null) {
                    System.out.println("  " + name + ": skipped (no target known for it; add it to AutomlDatasets)");
                    continue;
                }
                rows.add(measure(file, name, entry, work, jar, h2oSkip));
            }
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        print(rows);
        Path json = jsonFile != null ? jsonFile : HttpBench.benchJar().toAbsolutePath().getParent().resolve("automl-bench.json");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("setup", setup);
        out.put("budgetSeconds", budgetSeconds);
        out.put("folds", folds);
        out.put("seed", seed);
        out.put("rows", rows);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), out);
        System.out.println("\n  results: " + json);
        return 0;
    }

    private Row measure(Path file, String name, AutomlDatasets.Entry entry, Path work, Path jar, String h2oSkip) throws IOException {
        Path csv = file;
        if (SklearnCsv.isSklearnLayout(file)) {
            csv = work.resolve(name);
            SklearnCsv.convert(file, csv); // the peer reads this very file, so both see the same header and labels
        }
        Dataset data = Dataset.read(csv);
        ExperimentSpec base = ExperimentSpec.forTarget(entry.target()).withMetric(entry.metric()).withSeed(seed).withFolds(folds);
        int[] foldIds = Folds.forRows(data, base);
        Path foldFile = work.resolve(name + ".folds");
        Files.writeString(foldFile, java.util.Arrays.stream(foldIds).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n")));
        ExperimentSpec spec = base.withFoldIds(foldIds).withTimeBudget(Duration.ofSeconds(budgetSeconds));
        System.out.printf(Locale.ROOT, "  %s: %d rows, target %s, %s%n", name, data.rowCount(), entry.target(), entry.metric());

        long t0 = System.nanoTime();
        ExperimentResult g = AutoMl.run(data, spec, ProgressListener.NONE, () -> false);
        Side gureum = new Side(g.leader().score(), g.modelsTried(), g.leader().modelId(), (System.nanoTime() - t0) / 1e9, null);
        System.out.printf(Locale.ROOT, "    gureum:  %.4f  leader %s, %d models tried (%d pruned), %.1f s%n", gureum.value(), gureum.leader(),
                g.modelsTried(), g.modelsPruned(), gureum.seconds());

        t0 = System.nanoTime();
        ExperimentResult x = AutoMl.run(data, spec.withCandidates(List.of(XgboostLearner.defaults())).withEnsemble(false),
                ProgressListener.NONE, () -> false);
        Side xgboost = new Side(x.leader().score(), 1, x.leader().modelId(), (System.nanoTime() - t0) / 1e9, null);
        System.out.printf(Locale.ROOT, "    xgboost: %.4f  defaults, %.1f s%n", xgboost.value(), xgboost.seconds());

        Side h2o = h2oSkip != null ? Side.skipped(h2oSkip) : runH2o(jar, csv, entry, foldFile, work.resolve(name + ".h2o.log"));
        System.out.println("    h2o:     " + (h2o.skipped() != null ? h2o.show() : String.format(Locale.ROOT, "%.4f  leader %s, %d models, %.1f s",
                h2o.value(), h2o.leader(), h2o.modelsTried(), h2o.seconds())));
        return new Row(name, entry.target(), entry.metric(), data.rowCount(), gureum, h2o, xgboost);
    }

    /** The peer's contract: progress on stderr, its result as the last stdout line, one JSON object. */
    private Side runH2o(Path jar, Path csv, AutomlDatasets.Entry entry, Path foldFile, Path log) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-jar", jar.toString(),
                "--csv", csv.toString(), "--target", entry.target(), "--fold-ids", foldFile.toString(),
                "--budget-seconds", Integer.toString(budgetSeconds), "--seed", Long.toString(seed),
                "--metric", entry.metric().name().toLowerCase(Locale.ROOT));
        Path stdout = log.resolveSibling(log.getFileName() + ".out");
        try {
            Process p = new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(stdout.toFile()).start();
            if (!p.waitFor(budgetSeconds + 180L, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Side.skipped("timed out after " + (budgetSeconds + 180) + " s");
            }
            List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            if (p.exitValue() != 0 || lines.isEmpty()) {
                List<String> err = Files.readAllLines(log, StandardCharsets.UTF_8);
                String last = err.isEmpty() ? "no output" : err.get(err.size() - 1);
                return Side.skipped("exit status " + p.exitValue() + ": " + last);
            }
            JsonNode result = new ObjectMapper().readTree(lines.get(lines.size() - 1));
            return new Side(result.path("value").asDouble(Double.NaN), result.path("modelsTried").asInt(0),
                    result.path("leader").asText(null), result.path("seconds").asDouble(Double.NaN), null);
        } catch (IOException e) {
            return Side.skipped("cannot run it: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    private void print(List<Row> rows) {
        System.out.println();
        System.out.println("| dataset | metric | Gureum | H2O | XGBoost default | models tried (Gureum / H2O) | reference: H2O 60 s (issue author) |");
        System.out.println("|---|---|---|---|---|---|---|");
        List<Double> versusH2o = new ArrayList<>(), versusXgb = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Row r : rows) {
            if (r.h2o().skipped() == null && !Double.isNaN(r.h2o().value())) versusH2o.add(r.gureum().error(r.metric()) / r.h2o().error(r.metric()));
            else if (r.h2o().skipped() != null) skipped.add(r.h2o().skipped());
            versusXgb.add(r.gureum().error(r.metric()) / r.xgboost().error(r.metric()));
            System.out.printf(Locale.ROOT, "| %s | %s | **%s** | %s | %s | %d / %s | %s |%n", r.dataset(), r.metric().name().toLowerCase(Locale.ROOT),
                    r.gureum().show(), r.h2o().show(), r.xgboost().show(), r.gureum().modelsTried(),
                    r.h2o().skipped() == null ? Integer.toString(r.h2o().modelsTried()) : "-",
                    AutomlDatasets.REFERENCE.getOrDefault(r.dataset(), ""));
        }
        System.out.println();
        skipped.stream().distinct().forEach(s -> System.out.println("  H2O skipped: " + s));
        System.out.println("  error ratios compare across metrics: Gureum's error over the other's, where the error is 1 - AUC, the log loss or the RMSE (below 1: Gureum better)");
        System.out.printf(Locale.ROOT, "  Gureum vs default XGBoost: better or equal on %d of %d, median error ratio %.3f%n",
                versusXgb.stream().filter(v -> v <= 1).count(), versusXgb.size(), median(versusXgb));
        if (versusH2o.isEmpty()) System.out.println("  Gureum vs H2O: no H2O figures");
        else {
            long atLeast = versusH2o.stream().filter(v -> v <= 1).count();
            System.out.printf(Locale.ROOT, "  Gureum vs H2O: better or equal on %d of %d, median error ratio %.3f; target (most datasets): %s%n",
                    atLeast, versusH2o.size(), median(versusH2o), atLeast * 2 > versusH2o.size() ? "PASS" : "MISS");
        }
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) return Double.NaN;
        List<Double> s = v.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
