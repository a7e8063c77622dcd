package io.gureum.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers of {@code gureum bench chatbot} and how they are printed and written. In-scope accuracy counts a val
 * phrase right only when its own intent is recognised (flagged out of scope counts as wrong, as in Larson et al.);
 * out-of-scope recall is the share of {@code oos_val} queries flagged out of scope.
 *
 * @param setup           machine, JVM, data and settings
 * @param trainingPhrases in-scope phrases trained on
 * @param trainingOutOfScope out-of-scope examples trained on
 * @param loadSeconds     loading the embedding model, before the training clock starts
 * @param trainingSeconds {@code IntentClassifierTrainer.train}: embedding every phrase once, the calibration run and
 *                        the final run (the trainer does not time the embedding apart)
 * @param predictions     every val phrase and oos_val query, in order, parsed once single-threaded after the warm-up
 * @param modelBytes      {@code TrainedIntentModel.toBytes().length}
 * @param calibration     the out-of-scope calibration the model records
 */
record ChatbotReport(Map<String, Object> setup, int trainingPhrases, int trainingOutOfScope, double loadSeconds, double trainingSeconds,
                     List<Prediction> predictions, int modelBytes, Map<String, Object> calibration) {
    /** The targets. */
    static final double TARGET_IN_SCOPE = 0.935;
    static final double TARGET_OUT_OF_SCOPE_RECALL = 0.50;
    static final double TARGET_TRAINING_SECONDS = 120;
    static final double TARGET_PARSE_P50_MILLIS = 10;

    /** Larson et al. 2019, the "oos-train" protocol, on their test split: in-scope accuracy and out-of-scope recall. */
    record Published(String system, double inScope, double outOfScopeRecall) {}

    static final List<Published> PUBLISHED = List.of(new Published("BERT", 0.969, 0.403), new Published("MLP", 0.935, 0.474),
            new Published("DialogFlow", 0.917, 0.140), new Published("Rasa", 0.915, 0.453));

    /**
     * One parse of the val set.
     *
     * @param expected  the phrase's intent; null for an out-of-scope query
     * @param predicted the recognised intent; null when the parse is out of scope
     * @param millis    the parse's wall time
     */
    record Prediction(String expected, String predicted, double millis) {
        boolean inScope() {
            return expected != null;
        }
    }

    ChatbotReport {
        setup = new LinkedHashMap<>(setup);
        predictions = List.copyOf(predictions);
        calibration = new LinkedHashMap<>(calibration);
    }

    long inScopeTotal() {
        return predictions.stream().filter(Prediction::inScope).count();
    }

    long inScopeCorrect() {
        return predictions.stream().filter(p -> p.inScope() && p.expected().equals(p.predicted())).count();
    }

    long outOfScopeTotal() {
        return predictions.stream().filter(p -> !p.inScope()).count();
    }

    long outOfScopeFlagged() {
        return predictions.stream().filter(p -> !p.inScope() && p.predicted() == null).count();
    }

    /** In-scope phrases turned away as out of scope (a part of the in-scope errors). */
    long inScopeFlagged() {
        return predictions.stream().filter(p -> p.inScope() && p.predicted() == null).count();
    }

    double inScopeAccuracy() {
        return ratio(inScopeCorrect(), inScopeTotal());
    }

    double outOfScopeRecall() {
        return ratio(outOfScopeFlagged(), outOfScopeTotal());
    }

    /** The q-quantile (0-1, nearest rank) of the parse times of every val phrase and query; NaN when none. */
    double parseMillis(double q) {
        return quantile(predictions.stream().mapToDouble(Prediction::millis).toArray(), q);
    }

    static double quantile(double[] values, double q) {
        if (values.length == 0) return Double.NaN;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "  training:  %,d phrases + %,d out-of-scope examples in %.1f s (embedding each once, calibration run, final run;%n"
                + "             the trainer does not time the embedding apart); embedding model loaded beforehand in %.1f s%n",
                trainingPhrases, trainingOutOfScope, trainingSeconds, loadSeconds));
        out.append(String.format(Locale.ROOT, "  model:     %.1f MB as bytes; out-of-scope threshold %.3f (held out: %.1f%% in scope, %.1f%% out-of-scope recall)%n",
                modelBytes / 1e6, number(calibration.get("threshold")), 100 * number(calibration.get("heldOutInScopeAccuracy")),
                100 * number(calibration.get("heldOutOutOfScopeRecall"))));
        out.append(String.format(Locale.ROOT, "  parse:     p50 %.2f ms, p95 %.2f ms over %,d val parses (one thread, after the warm-up)%n",
                parseMillis(0.5), parseMillis(0.95), predictions.size()));
        out.append(String.format(Locale.ROOT, "  other processes kept %.2f cores busy during training, %.2f during the parses%n%n",
                number(setup.get("otherCoresDuringTraining")), number(setup.get("otherCoresDuringParses"))));
        out.append(String.format(Locale.ROOT, "  %-44s %18s %20s%n", "CLINC150 val", "in-scope accuracy", "out-of-scope recall"));
        out.append(String.format(Locale.ROOT, "  %-44s %17.1f%% %19.1f%%%n", "Gureum (" + setup.getOrDefault("embeddingModel", "?") + ")",
                100 * inScopeAccuracy(), 100 * outOfScopeRecall()));
        for (Published p : PUBLISHED) {
            out.append(String.format(Locale.ROOT, "  %-44s %17.1f%% %19.1f%%%n", p.system() + " (Larson et al. 2019)", 100 * p.inScope(), 100 * p.outOfScopeRecall()));
        }
        out.append(String.format(Locale.ROOT, "  (%,d of %,d in scope right; of the %,d wrong, %,d turned away as out of scope; %,d of %,d out-of-scope flagged;%n"
                + "   published figures are on the paper's test split, ours on val, the same protocol \"oos-train\")%n%n",
                inScopeCorrect(), inScopeTotal(), inScopeTotal() - inScopeCorrect(), inScopeFlagged(), outOfScopeFlagged(), outOfScopeTotal()));
        targets().forEach(line -> out.append("  ").append(line).append('\n'));
        return out.toString();
    }

    /** One line per target of the issue: the figure, the bar, PASS or MISS. */
    List<String> targets() {
        List<String> lines = new ArrayList<>();
        lines.add(target(String.format(Locale.ROOT, "in-scope accuracy ≥ %.1f%%:", 100 * TARGET_IN_SCOPE),
                String.format(Locale.ROOT, "%.1f%%", 100 * inScopeAccuracy()), inScopeAccuracy() >= TARGET_IN_SCOPE));
        lines.add(target(String.format(Locale.ROOT, "out-of-scope recall ≥ %.0f%%:", 100 * TARGET_OUT_OF_SCOPE_RECALL),
                String.format(Locale.ROOT, "%.1f%%", 100 * outOfScopeRecall()), outOfScopeRecall() >= TARGET_OUT_OF_SCOPE_RECALL));
        lines.add(target(String.format(Locale.ROOT, "training %,d phrases < %.0f s:", trainingPhrases + trainingOutOfScope, TARGET_TRAINING_SECONDS),
                String.format(Locale.ROOT, "%.1f s", trainingSeconds), trainingSeconds < TARGET_TRAINING_SECONDS));
        lines.add(target(String.format(Locale.ROOT, "parse p50 < %.0f ms:", TARGET_PARSE_P50_MILLIS),
                String.format(Locale.ROOT, "%.2f ms", parseMillis(0.5)), parseMillis(0.5) < TARGET_PARSE_P50_MILLIS));
        return lines;
    }

    private static String target(String name, String figure, boolean pass) {
        return String.format(Locale.ROOT, "%-36s %10s  %s", name, figure, pass ? "PASS" : "MISS");
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("setup", setup);
        out.put("trainingPhrases", trainingPhrases);
        out.put("trainingOutOfScopeExamples", trainingOutOfScope);
        out.put("embeddingModelLoadSeconds", loadSeconds);
        out.put("trainingSeconds", trainingSeconds);
        out.put("modelBytes", modelBytes);
        out.put("calibration", calibration);
        out.put("inScope", Map.of("total", inScopeTotal(), "correct", inScopeCorrect(), "turnedAway", inScopeFlagged(), "accuracy", inScopeAccuracy()));
        out.put("outOfScope", Map.of("total", outOfScopeTotal(), "flagged", outOfScopeFlagged(), "recall", outOfScopeRecall()));
        out.put("parseMillis", Map.of("p50", parseMillis(0.5), "p95", parseMillis(0.95), "max", parseMillis(1.0), "parses", predictions.size()));
        List<Map<String, Object>> published = new ArrayList<>();
        for (Published p : PUBLISHED) published.add(Map.of("system", p.system(), "inScopeAccuracy", p.inScope(), "outOfScopeRecall", p.outOfScopeRecall()));
        out.put("publishedLarson2019", published);
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("inScopeAccuracy", inScopeAccuracy() >= TARGET_IN_SCOPE ? "PASS" : "MISS");
        targets.put("outOfScopeRecall", outOfScopeRecall() >= TARGET_OUT_OF_SCOPE_RECALL ? "PASS" : "MISS");
        targets.put("trainingSeconds", trainingSeconds < TARGET_TRAINING_SECONDS ? "PASS" : "MISS");
        targets.put("parseP50", parseMillis(0.5) < TARGET_PARSE_P50_MILLIS ? "PASS" : "MISS");
        out.put("targets", targets);
        return out;
    }
}
