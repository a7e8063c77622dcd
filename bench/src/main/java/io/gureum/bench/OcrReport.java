package io.gureum.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The numbers of {@code gureum bench ocr} and how they are printed and written. */
final class OcrReport {
    /**
     * An engine in the run.
     *
     * @param gureum  one of Gureum's engines, in-process (else a peer)
     * @param skipped why it was not run, or null
     */
    record Engine(String id, String label, boolean gureum, Map<String, Object> settings, String skipped) {}

    /**
     * One engine on one page.
     *
     * @param truthChars characters in the truth (code points, whitespace runs as one)
     * @param text       what the engine read (on its first measured run); null when it failed
     * @param wordRecall the share of the truth's words found in the text in any order ({@link #wordRecall}): unlike
     *                   CER and WER it does not count reading order, which sets multi-column pages apart
     * @param seconds    each measured run's wall time
     * @param otherCores cores other processes kept busy during the runs; NaN when unknown
     * @param error      why it failed, or null
     */
    record PageResult(String engine, String set, String page, int truthChars, int truthWords, String text, double cer,
                      double wer, double wordRecall, List<Double> seconds, double otherCores, String error) {
        static PageResult failed(String engine, OcrPages.Page page, String error) {
            return new PageResult(engine, page.set(), page.name(), page.truthChars(), page.truthWords(), null, Double.NaN,
                    Double.NaN, Double.NaN, List.of(), Double.NaN, error);
        }

        boolean ok() {
            return error == null;
        }

        double medianSeconds() {
            return median(seconds);
        }
    }

    /**
     * An engine over a set of pages (only the pages it read; {@code failed} counts the others).
     *
     * @param cer         pooled: all edits over all truth characters (pages weigh by their length)
     * @param wer         pooled likewise over words
     * @param wordRecall  truth words found in any order over all truth words
     * @param meanCer     the mean of the pages' CERs (each page weighs the same)
     * @param meanSeconds the mean of the pages' median seconds
     */
    record Summary(String engine, String set, int pages, int failed, int truthChars, double cer, double wer, double wordRecall,
                   double meanCer, double meanWer, double totalSeconds, double meanSeconds) {}

    private final Map<String, Object> setup;
    private final List<Engine> engines;
    private final List<PageResult> results;
    private final int runs;
    private final int warmUp;
    /** How to read the numbers: printed under the tables. */
    private final List<String> notes;

    OcrReport(Map<String, Object> setup, List<Engine> engines, List<PageResult> results, int runs, int warmUp, List<String> notes) {
        this.setup = setup;
        this.engines = List.copyOf(engines);
        this.results = List.copyOf(results);
        this.runs = runs;
        this.warmUp = warmUp;
        this.notes = List.copyOf(notes);
    }

    /** The median; the mean of the middle two for an even count; NaN for none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The share of {@code truth}'s words (as {@link io.gureum.core.TextDistance} splits them) that {@code read}
     * holds, in any order, each word of the text matching at most one of the truth; 1 for an empty truth.
     */
    static double wordRecall(String truth, String read) {
        Map<String, Integer> available = new HashMap<>();
        for (String w : words(read)) available.merge(w, 1, Integer::sum);
        List<String> wanted = words(truth);
        if (wanted.isEmpty()) return 1;
        int found = 0;
        for (String w : wanted) {
            Integer left = available.get(w);
            if (left != null && left > 0) {
                found++;
                available.put(w, left - 1);
            }
        }
        return (double) found / wanted.size();
    }

    private static List<String> words(String text) {
        String n = OcrPages.normalise(text);
        return n.isEmpty() ? List.of() : List.of(n.split(" "));
    }

    /** An engine's figures on one set of pages; empty when it read none of them. */
    Optional<Summary> summary(String engine, String set) {
        return summarise(engine, set, results);
    }

    static Optional<Summary> summarise(String engine, String set, List<PageResult> results) {
        List<PageResult> of = results.stream().filter(r -> r.engine().equals(engine) && r.set().equals(set)).toList();
        List<PageResult> ok = of.stream().filter(PageResult::ok).toList();
        if (ok.isEmpty()) return Optional.empty();
        double chars = 0;
        double charEdits = 0;
        double words = 0;
        double wordEdits = 0;
        double wordsFound = 0;
        double seconds = 0;
        double cerSum = 0;
        double werSum = 0;
        for (PageResult r : ok) {
            chars += r.truthChars();
            charEdits += r.cer() * r.truthChars();
            words += r.truthWords();
            wordEdits += r.wer() * r.truthWords();
            wordsFound += r.wordRecall() * r.truthWords();
            seconds += r.medianSeconds();
            cerSum += r.cer();
            werSum += r.wer();
        }
        int n = ok.size();
        return Optional.of(new Summary(engine, set, n, of.size() - n, (int) chars, chars == 0 ? Double.NaN : charEdits / chars,
                words == 0 ? Double.NaN : wordEdits / words, words == 0 ? Double.NaN : wordsFound / words, cerSum / n, werSum / n, seconds, seconds / n));
    }

    /**
     * The Gureum engine with the lowest pooled CER on the English pages, among those that read every page (ties: the
     * faster); empty when none did.
     */
    Optional<Summary> bestGureum() {
        Summary best = null;
        for (Engine e : engines) {
            if (!e.gureum()) continue;
            Optional<Summary> s = summary(e.id(), OcrPages.ENGLISH_SET);
            if (s.isEmpty() || s.get().failed() > 0) continue;
            if (best == null || s.get().cer() < best.cer() || (s.get().cer() == best.cer() && s.get().meanSeconds() < best.meanSeconds())) {
                best = s.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The target line, or a line saying what is missing for it. */
    String targetLine() {
        Optional<Summary> best = bestGureum();
        Optional<Summary> cli = summary(TesseractCli.ID, OcrPages.ENGLISH_SET);
        if (best.isEmpty()) return "best Gureum engine vs Tesseract CLI: no Gureum engine read every English page";
        if (cli.isEmpty() || cli.get().failed() > 0) return "best Gureum engine vs Tesseract CLI: the Tesseract CLI did not read every English page";
        Optional<Summary> oneThread = summary(TesseractCli.ID_ONE_THREAD, OcrPages.ENGLISH_SET).filter(s -> s.failed() == 0);
        return String.format(Locale.ROOT, "best Gureum engine (%s) vs Tesseract CLI: CER %s vs %s, seconds/page %s vs %s%s",
                label(best.get().engine()), percent(best.get().cer()), percent(cli.get().cer()),
                fixed(best.get().meanSeconds(), 2), fixed(cli.get().meanSeconds(), 2),
                oneThread.map(s -> " (" + fixed(s.meanSeconds(), 2) + " with OMP_THREAD_LIMIT=1)").orElse(""));
    }

    double maxOtherCores() {
        return results.stream().mapToDouble(PageResult::otherCores).filter(d -> !Double.isNaN(d)).max().orElse(0);
    }

    String label(String engine) {
        return engines.stream().filter(e -> e.id().equals(engine)).map(Engine::label).findFirst().orElse(engine);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        int width = Math.max(18, engines.stream().mapToInt(e -> e.label().length()).max().orElse(0));
        String timing = "seconds: median of " + runs + " run" + (runs == 1 ? "" : "s") + " after " + warmUp + " warm-up run"
                + (warmUp == 1 ? "" : "s") + ", one page at a time";
        List<String> englishPages = pagesOf(OcrPages.ENGLISH_SET);
        if (!englishPages.isEmpty()) {
            out.append("English pages (").append(OcrPages.ENGLISH_DIR).append("): CER and WER against the page's .txt; ").append(timing).append('\n');
            String row = "  %-14s  %-" + width + "s  %6s  %8s  %8s  %11s  %9s%n";
            out.append(String.format(Locale.ROOT, row, "page", "engine", "chars", "CER", "WER", "words found", "seconds"));
            out.append("  ").append("-".repeat(width + 69)).append('\n');
            for (String page : englishPages) {
                for (PageResult r : resultsOf(OcrPages.ENGLISH_SET, page)) {
                    out.append(r.ok()
                            ? String.format(Locale.ROOT, row, page, label(r.engine()), r.truthChars(), percent(r.cer()), percent(r.wer()),
                            percent(r.wordRecall()), fixed(r.medianSeconds(), 2))
                            : String.format(Locale.ROOT, "  %-14s  %-" + width + "s  failed: %s%n", page, label(r.engine()), r.error()));
                }
            }
            out.append('\n').append(summaryTable(OcrPages.ENGLISH_SET, "pages", width));
        }
        if (!pagesOf(OcrPages.KOREAN_SET).isEmpty()) {
            out.append("\nKorean text lines (").append(OcrPages.KOREAN_DIR).append(", the first ").append(pagesOf(OcrPages.KOREAN_SET).size())
                    .append(" of gt.tsv; the CLI with --psm 7, one line): ").append(timing.replace("page", "line")).append('\n');
            out.append(summaryTable(OcrPages.KOREAN_SET, "lines", width));
        }
        List<String> skipped = engines.stream().filter(e -> e.skipped() != null).map(e -> e.label() + ": " + e.skipped()).toList();
        if (!skipped.isEmpty()) out.append("\nSkipped: ").append(String.join("; ", skipped)).append('\n');
        if (!notes.isEmpty()) out.append('\n');
        for (String note : notes) out.append("  ").append(note).append('\n');
        out.append('\n').append(targetLine()).append('\n');
        if (maxOtherCores() > VisionReport.QUIET_CORES) {
            out.append(String.format(Locale.ROOT, "%nWARNING: other processes kept up to %.2f cores busy during a measurement; the machine"
                    + " was not quiet and the seconds are skewed (rerun when it is idle).%n", maxOtherCores()));
        }
        return out.toString();
    }

    private String summaryTable(String set, String unit, int width) {
        StringBuilder out = new StringBuilder();
        String row = "  %-" + width + "s  %7s  %12s  %12s  %11s  %9s  %9s  %11s  %9s%n";
        out.append(String.format(Locale.ROOT, row, "engine", unit, "CER (pooled)", "WER (pooled)", "words found", "mean CER", "mean WER",
                "s/" + (unit.equals("pages") ? "page" : "line") + " mean", "s total"));
        out.append("  ").append("-".repeat(width + 103)).append('\n');
        for (Engine e : engines) {
            Optional<Summary> s = summary(e.id(), set);
            if (s.isEmpty()) continue;
            Summary x = s.get();
            out.append(String.format(Locale.ROOT, row, e.label(), x.pages() + (x.failed() > 0 ? " (+" + x.failed() + " failed)" : ""),
                    percent(x.cer()), percent(x.wer()), percent(x.wordRecall()), percent(x.meanCer()), percent(x.meanWer()), fixed(x.meanSeconds(), x.meanSeconds() < 1 ? 3 : 2),
                    fixed(x.totalSeconds(), 1)));
        }
        return out.toString();
    }

    private List<String> pagesOf(String set) {
        return results.stream().filter(r -> r.set().equals(set)).map(PageResult::page).distinct().toList();
    }

    private List<PageResult> resultsOf(String set, String page) {
        return results.stream().filter(r -> r.set().equals(set) && r.page().equals(page)).toList();
    }

    static String percent(double rate) {
        return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    static String fixed(double value, int decimals) {
        return VisionReport.fixed(value, decimals);
    }

    /** The results as a JSON-ready map. */
    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("setup", setup);
        List<Map<String, Object>> engineList = new ArrayList<>();
        for (Engine e : engines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("label", e.label());
            m.put("gureum", e.gureum());
            m.put("settings", e.settings());
            if (e.skipped() != null) m.put("skipped", e.skipped());
            engineList.add(m);
        }
        out.put("engines", engineList);
        List<Map<String, Object>> summaries = new ArrayList<>();
        for (String set : List.of(OcrPages.ENGLISH_SET, OcrPages.KOREAN_SET)) {
            for (Engine e : engines) {
                summary(e.id(), set).ifPresent(s -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("engine", s.engine());
                    m.put("set", s.set());
                    m.put("pages", s.pages());
                    m.put("failed", s.failed());
                    m.put("truthChars", s.truthChars());
                    m.put("cerPooled", s.cer());
                    m.put("werPooled", s.wer());
                    m.put("wordsFoundAnyOrder", s.wordRecall());
                    m.put("cerMean", s.meanCer());
                    m.put("werMean", s.meanWer());
                    m.put("secondsTotal", s.totalSeconds());
                    m.put("secondsPerPageMean", s.meanSeconds());
                    summaries.add(m);
                });
            }
        }
        out.put("summaries", summaries);
        out.put("target", targetLine());
        out.put("notes", notes);
        List<Map<String, Object>> pages = new ArrayList<>();
        for (PageResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("engine", r.engine());
            m.put("set", r.set());
            m.put("page", r.page());
            m.put("truthChars", r.truthChars());
            m.put("truthWords", r.truthWords());
            if (r.ok()) {
                m.put("cer", r.cer());
                m.put("wer", r.wer());
                m.put("wordsFoundAnyOrder", r.wordRecall());
                m.put("secondsMedian", r.medianSeconds());
                m.put("seconds", r.seconds());
                if (!Double.isNaN(r.otherCores())) m.put("otherProcessesCores", r.otherCores());
                m.put("text", r.text());
            } else {
                m.put("error", r.error());
            }
            pages.add(m);
        }
        out.put("pages", pages);
        out.put("maxOtherProcessesCores", maxOtherCores());
        return out;
    }
}
