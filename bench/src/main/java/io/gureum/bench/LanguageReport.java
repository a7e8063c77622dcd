package io.gureum.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The numbers of {@code gureum bench language} and how they are printed and written: translation characters per
 * second beside the {@code apertium} command line, embeddings per second beside langchain4j's in-process model, and
 * sentiment documents per second. Every figure is a median over rounds; every ratio is ours over the peer's, so
 * above 1 is faster.
 */
final class LanguageReport {
    /** The targets: translation ≥ 20× the command line, embeddings ≥ 1.0× langchain4j at batch 1 and 32. */
    static final double TARGET_TRANSLATION_RATIO = 20;
    static final double TARGET_EMBEDDING_RATIO = 1.0;
    /** Other processes' CPU above which a section's figures are flagged as taken on a busy machine (as the other benches do). */
    static final double QUIET_CORES = 0.25;

    static final String OURS = "gureum";
    static final String APERTIUM_CLI = "apertium-cli";
    static final String LANGCHAIN4J = "langchain4j";
    /** Ours with dynamic batching off (one text per model run): what batching is measured against. */
    static final String OURS_UNBATCHED = "gureum-one-text-per-run";
    static final String INT8 = "int8";
    static final String FP32 = "float32";

    // ---------------------------------------------------------------- translation

    /**
     * One side of the translation race.
     *
     * @param seconds each segment's measured wall times, one per round, in segment order
     * @param skipped why it was not run, or null
     */
    record TranslationSide(String id, String label, Map<String, Object> settings, List<List<Double>> seconds, String skipped) {
        static TranslationSide skipped(String id, String label, String why) {
            return new TranslationSide(id, label, Map.of(), List.of(), why);
        }

        /** The segments' median times summed: one pass over the text at the usual speed of each segment. */
        double totalSeconds() {
            return seconds.stream().mapToDouble(OcrReport::median).sum();
        }

        /** The median over the segments of each segment's median time. */
        double medianSegmentSeconds() {
            return OcrReport.median(seconds.stream().map(OcrReport::median).toList());
        }

        double charactersPerSecond(long characters) {
            return characters / totalSeconds();
        }
    }

    /**
     * The translation section.
     *
     * @param characters       each segment's length in code points (the billing unit)
     * @param compared         segments whose outputs both sides produced (the first measured round)
     * @param mismatches       of those, how many differ
     * @param chrF             chrF2 of our translations against the human Spanish, a sanity check; NaN when not run
     * @param firstCallSeconds our first call, which starts the pair's pipeline (unmeasured warm-up)
     * @param otherCores       cores other processes kept busy during the measured rounds; NaN when unknown
     * @param skipped          why the section was not run, or null
     */
    record Translation(String data, String pair, List<Integer> characters, List<TranslationSide> sides, int compared,
                       int mismatches, double chrF, double firstCallSeconds, double otherCores, String skipped) {
        static Translation skipped(String why) {
            return new Translation(null, null, List.of(), List.of(), 0, 0, Double.NaN, Double.NaN, Double.NaN, why);
        }

        long totalCharacters() {
            return characters.stream().mapToLong(Integer::longValue).sum();
        }

        Optional<TranslationSide> side(String id) {
            return sides.stream().filter(s -> s.id().equals(id) && s.skipped() == null).findFirst();
        }

        /** Our characters per second over the command line's; NaN when a side did not run. */
        double ratio() {
            Optional<TranslationSide> ours = side(OURS);
            Optional<TranslationSide> peer = side(APERTIUM_CLI);
            if (ours.isEmpty() || peer.isEmpty()) return Double.NaN;
            return ours.get().charactersPerSecond(totalCharacters()) / peer.get().charactersPerSecond(totalCharacters());
        }
    }

    // ---------------------------------------------------------------- embeddings

    /** One contender in one shape of load: texts per second, one figure per round. */
    record EmbeddingRun(String model, String side, int callers, int perCall, List<Double> perSecond) {
        double median() {
            return OcrReport.median(perSecond);
        }

        /**
         * The fastest round: what the machine does in a quiet moment when other processes share it. It tells sides
         * apart that a busy machine hurts unequally (ONNX Runtime's spinning intra-op threads lose most).
         */
        double best() {
            return perSecond.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    /**
     * A model on both sides.
     *
     * @param ours          the pack we ran, {@code id@version}
     * @param theirs        langchain4j's class
     * @param sameOnnxFile  whether langchain4j's jar holds the very ONNX file of our pack (sha256); null when not compared
     * @param maxDifference the largest difference between a coordinate of our vector and theirs, over the sanity texts
     * @param batched       whether our model runs texts together (the int8 model does not: its vectors would change)
     */
    record EmbeddingModelPair(String model, String ours, String theirs, String onnxSha256, Boolean sameOnnxFile,
                              double maxDifference, boolean batched) {}

    /** The embeddings section; {@code skipped} says why it was not run, or null. */
    record Embeddings(String data, int texts, double averageCharacters, List<EmbeddingModelPair> models, List<EmbeddingRun> runs,
                      double otherCores, String skipped) {
        static Embeddings skipped(String why) {
            return new Embeddings(null, 0, Double.NaN, List.of(), List.of(), Double.NaN, why);
        }

        Optional<EmbeddingRun> run(String model, String side, int callers, int perCall) {
            return runs.stream().filter(r -> r.model().equals(model) && r.side().equals(side) && r.callers() == callers
                    && r.perCall() == perCall).findFirst();
        }

        /** Our median over langchain4j's for one model and shape; NaN when either is missing. */
        double ratio(String model, int callers, int perCall) {
            return ratio(model, callers, perCall, EmbeddingRun::median);
        }

        /** Our best round over langchain4j's best round; NaN when either is missing. */
        double bestRatio(String model, int callers, int perCall) {
            return ratio(model, callers, perCall, EmbeddingRun::best);
        }

        private double ratio(String model, int callers, int perCall, ToDoubleFunction<EmbeddingRun> figure) {
            Optional<EmbeddingRun> ours = run(model, OURS, callers, perCall);
            Optional<EmbeddingRun> theirs = run(model, LANGCHAIN4J, callers, perCall);
            return ours.isPresent() && theirs.isPresent() ? figure.applyAsDouble(ours.get()) / figure.applyAsDouble(theirs.get()) : Double.NaN;
        }

        /** The shapes measured, in the order first run. */
        List<int[]> shapes() {
            List<int[]> shapes = new ArrayList<>();
            for (EmbeddingRun r : runs) {
                if (shapes.stream().noneMatch(s -> s[0] == r.callers() && s[1] == r.perCall())) shapes.add(new int[]{r.callers(), r.perCall()});
            }
            return shapes;
        }
    }

    // ---------------------------------------------------------------- sentiment

    /** One shape of sentiment calls: documents per second, one figure per round. */
    record SentimentRun(int perCall, boolean detect, List<Double> perSecond) {
        double median() {
            return OcrReport.median(perSecond);
        }
    }

    /**
     * Binary accuracy on one review set, one document per call: positive when VADER's label is positive.
     *
     * @param correct         with the language given as English
     * @param refused         documents refused as not English when the language is detected instead
     * @param correctDetected correct among the documents not refused, with detection
     */
    record SentimentAccuracy(String set, int documents, int correct, int refused, int correctDetected) {
        double accuracy() {
            return (double) correct / documents;
        }

        double accuracyDetected() {
            return documents == refused ? Double.NaN : (double) correctDetected / (documents - refused);
        }
    }

    /** The sentiment section; {@code skipped} says why it was not run, or null. */
    record Sentiment(String data, String model, int documents, List<SentimentRun> runs, List<SentimentAccuracy> accuracy,
                     double otherCores, String skipped) {
        static Sentiment skipped(String why) {
            return new Sentiment(null, null, 0, List.of(), List.of(), Double.NaN, why);
        }

        Optional<SentimentRun> run(int perCall, boolean detect) {
            return runs.stream().filter(r -> r.perCall() == perCall && r.detect() == detect).findFirst();
        }
    }

    private final Map<String, Object> setup;
    private final Translation translation;
    private final Embeddings embeddings;
    private final Sentiment sentiment;

    LanguageReport(Map<String, Object> setup, Translation translation, Embeddings embeddings, Sentiment sentiment) {
        this.setup = setup;
        this.translation = translation;
        this.embeddings = embeddings;
        this.sentiment = sentiment;
    }

    // ---------------------------------------------------------------- printing

    /** The tables and the targets, as printed at the end of a run. */
    String table() {
        StringBuilder out = new StringBuilder();
        if (translation != null) out.append(translationTable()).append('\n');
        if (embeddings != null) out.append(embeddingsTable()).append('\n');
        if (sentiment != null) out.append(sentimentTable()).append('\n');
        for (String note : notes()) out.append("  ").append(note).append('\n');
        out.append("\n  Targets\n");
        for (String line : targets()) out.append("    ").append(line).append('\n');
        return out.toString();
    }

    private String translationTable() {
        Translation t = translation;
        if (t.skipped() != null) return "  Translation: skipped: " + t.skipped() + "\n";
        StringBuilder out = new StringBuilder();
        int rounds = t.sides().stream().filter(s -> s.skipped() == null).mapToInt(s -> s.seconds().isEmpty() ? 0 : s.seconds().get(0).size()).max().orElse(0);
        out.append(String.format(Locale.ROOT, "  Translation %s: %d segments (%s characters), one segment per request; medians of %d round%s%n",
                t.pair(), t.characters().size(), thousands(t.totalCharacters()), rounds, rounds == 1 ? "" : "s"));
        String row = "    %-58s %11s %12s %10s %14s%n";
        out.append(String.format(Locale.ROOT, row, "", "chars/s", "ms/segment", "total s", "÷ apertium CLI"));
        Optional<TranslationSide> peer = t.side(APERTIUM_CLI);
        for (TranslationSide s : t.sides()) {
            if (s.skipped() != null) {
                out.append(String.format(Locale.ROOT, "    %-58s skipped: %s%n", s.label(), s.skipped()));
                continue;
            }
            double cps = s.charactersPerSecond(t.totalCharacters());
            out.append(String.format(Locale.ROOT, row, s.label(), thousands(Math.round(cps)), ms(s.medianSegmentSeconds()),
                    fixed(s.totalSeconds(), 2), peer.map(p -> times(cps / p.charactersPerSecond(t.totalCharacters()))).orElse("")));
        }
        if (t.compared() > 0) {
            out.append(String.format(Locale.ROOT, "    outputs identical on %d of %d segments (%d mismatch%s)%n", t.compared() - t.mismatches(),
                    t.compared(), t.mismatches(), t.mismatches() == 1 ? "" : "es"));
        }
        List<String> also = new ArrayList<>();
        if (!Double.isNaN(t.chrF())) also.add(String.format(Locale.ROOT, "chrF2 against the human Spanish %.1f", t.chrF()));
        if (!Double.isNaN(t.firstCallSeconds())) also.add("our first call, which starts the pipeline: " + ms(t.firstCallSeconds()) + " ms (not measured)");
        if (!also.isEmpty()) out.append("    ").append(String.join("; ", also)).append('\n');
        out.append(others(t.otherCores()));
        return out.toString();
    }

    private String embeddingsTable() {
        Embeddings e = embeddings;
        if (e.skipped() != null) return "  Embeddings: skipped: " + e.skipped() + "\n";
        StringBuilder out = new StringBuilder();
        int rounds = e.runs().stream().mapToInt(r -> r.perSecond().size()).max().orElse(0);
        out.append(String.format(Locale.ROOT, "  Embeddings: texts/s, %s English texts (%.0f characters on average); medians of %d round%s%n",
                thousands(e.texts()), e.averageCharacters(), rounds, rounds == 1 ? "" : "s"));
        String row = "    %-8s %-24s %8s %12s %8s   %7s %12s %8s%n";
        out.append(String.format(Locale.ROOT, row, "", "", "median", "", "", "best", "", ""));
        out.append(String.format(Locale.ROOT, row, "model", "callers × texts per call", "gureum", "langchain4j", "ratio", "gureum", "langchain4j", "ratio"));
        for (EmbeddingModelPair m : e.models()) {
            for (int[] shape : e.shapes()) {
                Optional<EmbeddingRun> ours = e.run(m.model(), OURS, shape[0], shape[1]);
                Optional<EmbeddingRun> theirs = e.run(m.model(), LANGCHAIN4J, shape[0], shape[1]);
                if (ours.isEmpty() && theirs.isEmpty()) continue;
                out.append(String.format(Locale.ROOT, row, m.model(), shape[0] + " × " + shape[1],
                        ours.map(r -> thousands(Math.round(r.median()))).orElse("-"),
                        theirs.map(r -> thousands(Math.round(r.median()))).orElse("-"), times(e.ratio(m.model(), shape[0], shape[1])),
                        ours.map(r -> thousands(Math.round(r.best()))).orElse("-"),
                        theirs.map(r -> thousands(Math.round(r.best()))).orElse("-"), times(e.bestRatio(m.model(), shape[0], shape[1]))));
                Optional<EmbeddingRun> unbatched = e.run(m.model(), OURS_UNBATCHED, shape[0], shape[1]);
                if (unbatched.isPresent() && ours.isPresent()) {
                    out.append(String.format(Locale.ROOT, "    %-8s %-24s %8s   (gureum without dynamic batching, one text per model run: "
                                    + "batching gains %s; best %s, %s)%n", "", "", thousands(Math.round(unbatched.get().median())),
                            times(ours.get().median() / unbatched.get().median()), thousands(Math.round(unbatched.get().best())),
                            times(ours.get().best() / unbatched.get().best())));
                }
            }
        }
        for (EmbeddingModelPair m : e.models()) {
            out.append(String.format(Locale.ROOT, "    %s: gureum %s (%s) beside langchain4j's %s: %s; vectors differ by at most %.1e%n",
                    m.model(), m.ours(), m.batched() ? "batched" : "one text per model run", m.theirs(),
                    m.sameOnnxFile() == null ? "ONNX files not compared" : m.sameOnnxFile() ? "the same ONNX file (sha256 "
                            + m.onnxSha256().substring(0, 12) + "…)" : "DIFFERENT ONNX files", m.maxDifference()));
        }
        out.append(others(e.otherCores()));
        return out.toString();
    }

    private String sentimentTable() {
        Sentiment s = sentiment;
        if (s.skipped() != null) return "  Sentiment: skipped: " + s.skipped() + "\n";
        StringBuilder out = new StringBuilder();
        int rounds = s.runs().stream().mapToInt(r -> r.perSecond().size()).max().orElse(0);
        out.append(String.format(Locale.ROOT, "  Sentiment (%s): documents/s, %s English reviews; medians of %d round%s%n",
                s.model(), thousands(s.documents()), rounds, rounds == 1 ? "" : "s"));
        String row = "    %-26s %20s %30s%n";
        out.append(String.format(Locale.ROOT, row, "", "language \"en\" given", "language omitted (detected)"));
        for (int perCall : s.runs().stream().map(SentimentRun::perCall).distinct().toList()) {
            out.append(String.format(Locale.ROOT, row, perCall + " document" + (perCall == 1 ? "" : "s") + " per call",
                    s.run(perCall, false).map(r -> thousands(Math.round(r.median()))).orElse("-"),
                    s.run(perCall, true).map(r -> thousands(Math.round(r.median()))).orElse("-")));
        }
        for (SentimentAccuracy a : s.accuracy()) {
            out.append(String.format(Locale.ROOT, "    accuracy %-7s %s of %s reviews right (%s); detected: %d refused as not English, %s of the rest right%n",
                    a.set() + ":", thousands(a.correct()), thousands(a.documents()), percent(a.accuracy()), a.refused(), percent(a.accuracyDetected())));
        }
        out.append(others(s.otherCores()));
        return out.toString();
    }

    private static String others(double cores) {
        if (Double.isNaN(cores)) return "";
        return String.format(Locale.ROOT, "    other processes kept %.2f cores busy meanwhile%s%n", cores,
                cores > QUIET_CORES ? " (not a quiet machine: the figures are skewed)" : "");
    }

    /** How to read the tables: printed under them and written to the JSON. */
    static List<String> notes() {
        return List.of(
                "Every figure is the median of its rounds; a ratio is Gureum's figure over the peer's (above 1: Gureum is faster). "
                        + "best: the fastest round of each side instead, what the machine does in a quiet moment when other "
                        + "processes share it.",
                "Translation: wall time per segment, one segment per call from one thread. Gureum: TranslationService in-process, "
                        + "the text deformatted in Java and sent through the pair's long-lived null-flush pipeline; the command: "
                        + "`apertium eng-spa`, a process per segment, timed from its start to its exit (it loads the dictionaries "
                        + "every time). chars/s: the segments' characters over their median times summed.",
                "Embeddings: texts per second while the callers send calls back to back (callers × texts per call). Gureum: "
                        + "TextEmbeddings with its server defaults (one ONNX Runtime thread per run, one run per core, dynamic "
                        + "batching for the float32 model); langchain4j: embedAll on its in-process model, which runs one text "
                        + "per ONNX run, a call's texts spread over a pool of one thread per core, each run on ONNX Runtime's "
                        + "default threads.",
                "Sentiment: documents per second, one caller; a call whose language is omitted detects each document's "
                        + "language (Lingua) first. A call refused as not English (the whole call, when one document reads "
                        + "otherwise) counts its documents: they were answered.");
    }

    /** One line per target of the issue: the figure, the bar, PASS or MISS (or why it cannot be judged). */
    List<String> targets() {
        List<String> lines = new ArrayList<>();
        if (translation != null) {
            String name = String.format(Locale.ROOT, "translation chars/s ≥ %.0f× the apertium CLI's:", TARGET_TRANSLATION_RATIO);
            double r = translation.skipped() == null ? translation.ratio() : Double.NaN;
            lines.add(Double.isNaN(r) ? name + " not measured (" + (translation.skipped() != null ? translation.skipped() : "a side was skipped") + ")"
                    : String.format(Locale.ROOT, "%-56s %8s  %s%s", name, times(r), verdict(r >= TARGET_TRANSLATION_RATIO),
                    translation.mismatches() > 0 ? " (" + translation.mismatches() + " outputs differ)" : ""));
        }
        if (embeddings != null) {
            for (EmbeddingModelPair m : embeddings.models()) {
                for (int perCall : List.of(1, 32)) {
                    String name = String.format(Locale.ROOT, "embeddings %s, 1 caller × %d, ≥ %.1f× langchain4j:", m.model(), perCall, TARGET_EMBEDDING_RATIO);
                    double r = embeddings.ratio(m.model(), 1, perCall);
                    double best = embeddings.bestRatio(m.model(), 1, perCall);
                    // judged on the medians; the best rounds say whether a quiet machine would judge otherwise
                    lines.add(Double.isNaN(r) ? name + " not measured"
                            : String.format(Locale.ROOT, "%-56s %8s  %s (best rounds: %s%s)", name, times(r), verdict(r >= TARGET_EMBEDDING_RATIO),
                            times(best), (best >= TARGET_EMBEDDING_RATIO) == (r >= TARGET_EMBEDDING_RATIO) ? ""
                                    : ", " + verdict(best >= TARGET_EMBEDDING_RATIO) + " in a quiet moment"));
                }
            }
            if (embeddings.skipped() != null) lines.add("embeddings ≥ " + TARGET_EMBEDDING_RATIO + "× langchain4j: not measured (" + embeddings.skipped() + ")");
        }
        return lines;
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "MISS";
    }

    static String times(double ratio) {
        if (Double.isNaN(ratio)) return "-";
        return String.format(Locale.ROOT, ratio >= 100 ? "%.0f×" : ratio >= 10 ? "%.1f×" : "%.2f×", ratio);
    }

    static String ms(double seconds) {
        if (Double.isNaN(seconds)) return "-";
        double ms = seconds * 1000;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : ms < 100 ? "%.1f" : "%.0f", ms);
    }

    static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String fixed(double value, int decimals) {
        return VisionReport.fixed(value, decimals);
    }

    // ---------------------------------------------------------------- JSON

    /** The results as a JSON-ready map: the raw rounds as measured, then the medians and ratios the tables print. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("setup", setup);
        if (translation != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("raw", translation);
            if (translation.skipped() == null) {
                Map<String, Object> sides = new LinkedHashMap<>();
                for (TranslationSide s : translation.sides()) {
                    if (s.skipped() != null) continue;
                    sides.put(s.id(), Map.of("charactersPerSecond", s.charactersPerSecond(translation.totalCharacters()),
                            "medianSecondsPerSegment", s.medianSegmentSeconds(), "totalSeconds", s.totalSeconds()));
                }
                t.put("medians", sides);
                t.put("ratio", translation.ratio());
            }
            m.put("translation", t);
        }
        if (embeddings != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("raw", embeddings);
            List<Map<String, Object>> medians = new ArrayList<>();
            for (EmbeddingRun r : embeddings.runs()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("model", r.model());
                x.put("side", r.side());
                x.put("callers", r.callers());
                x.put("textsPerCall", r.perCall());
                x.put("textsPerSecond", r.median());
                x.put("textsPerSecondBestRound", r.best());
                if (r.side().equals(OURS)) {
                    x.put("ratioToLangchain4j", embeddings.ratio(r.model(), r.callers(), r.perCall()));
                    x.put("bestRoundRatioToLangchain4j", embeddings.bestRatio(r.model(), r.callers(), r.perCall()));
                }
                medians.add(x);
            }
            e.put("medians", medians);
            m.put("embeddings", e);
        }
        if (sentiment != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("raw", sentiment);
            List<Map<String, Object>> medians = new ArrayList<>();
            for (SentimentRun r : sentiment.runs()) {
                medians.add(Map.of("documentsPerCall", r.perCall(), "languageDetected", r.detect(), "documentsPerSecond", r.median()));
            }
            s.put("medians", medians);
            List<Map<String, Object>> accuracy = new ArrayList<>();
            for (SentimentAccuracy a : sentiment.accuracy()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("set", a.set());
                x.put("accuracy", a.accuracy());
                x.put("refusedWhenDetected", a.refused());
                x.put("accuracyWhenDetected", a.accuracyDetected());
                accuracy.add(x);
            }
            s.put("accuracy", accuracy);
            m.put("sentiment", s);
        }
        m.put("notes", notes());
        m.put("targets", targets());
        return m;
    }
}
