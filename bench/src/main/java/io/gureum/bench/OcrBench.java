package io.gureum.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gureum.bench.OcrPages.Page;
import io.gureum.bench.OcrReport.Engine;
import io.gureum.bench.OcrReport.PageResult;
import io.gureum.core.GureumHome;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelStore;
import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.vision.image.BgrImages;
import io.gureum.vision.image.ImageDecoder;
import io.gureum.vision.ocr.OcrEngine;
import io.gureum.core.TextDistance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code gureum bench ocr}: seconds per page and character/word error rates of Gureum's OCR engines ({@code paddle},
 * {@code tesseract}, in-process, as a library) beside the {@code tesseract} command line and RapidOCR (module
 * bench-peers), on the same pages in one run.
 *
 * <p>Pages ({@link OcrPages}): Tesseract's four English test pages with their ground truth, and the first Korean
 * synthetic text lines. Per engine and page: warm-up runs, then measured runs, one page at a time from one thread;
 * the median wall time, and CER/WER of the first measured run's text by {@link TextDistance}, the same measure for
 * every engine. Every side starts from the page's encoded bytes: Gureum's engines decode them in memory
 * ({@link ImageDecoder}), the peers read the file.
 */
@Command(name = "ocr", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"OCR seconds per page and character/word error rates (CER, WER) of Gureum's engines (paddle, tesseract; "
                + "in-process) beside the tesseract command line (one process per page) and RapidOCR (module bench-peers), "
                + "on Tesseract's English test pages and synthetic Korean lines from the shared evaluation data.",
                "Needs the shared data (GUREUM_SHARED_DATA, or shared/data beside the repository), the pp-ocrv4 models "
                        + "(./gureum models install pp-ocrv4) and sudo apt-get install -y tesseract-ocr tesseract-ocr-eng tesseract-ocr-kor. "
                        + "./gureum bench ocr builds the RapidOCR peer first."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:measured (an engine that cannot run is reported as skipped)", "2:could not measure (no pages)"})
final class OcrBench implements Callable<Integer> {
    static final String RAPIDOCR = "rapidocr";
    static final List<String> ALL_ENGINES = List.of("paddle", "tesseract", TesseractCli.ID, TesseractCli.ID_ONE_THREAD, RAPIDOCR);

    @Option(names = "--runs", description = "measured runs per engine and page; the median is reported (default: ${DEFAULT-VALUE})")
    int runs = 3;
    @Option(names = "--warm-up", description = "unmeasured runs per engine and page before them (default: ${DEFAULT-VALUE})")
    int warmUp = 1;
    @Option(names = "--max-seconds", description = "stop an engine's measured runs of a page after this many seconds, "
            + "but not before one (default: ${DEFAULT-VALUE})")
    double maxSeconds = 120;
    @Option(names = {"-t", "--threads"}, description = "threads for one page: ONNX Runtime's intra-op threads for paddle, "
            + "RapidOCR's thread count (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--engines", split = ",", description = "which to run, of paddle, tesseract, tesseract-cli (OpenMP's default: "
            + "all cores), tesseract-cli-1t (OMP_THREAD_LIMIT=1), rapidocr (default: all)")
    List<String> engines = new ArrayList<>(ALL_ENGINES);
    @Option(names = "--korean-lines", description = "Korean text lines to read with the engines that read Korean, the first of "
            + "gt.tsv; 0 for none (default: ${DEFAULT-VALUE})")
    int koreanLines = 20;
    @Option(names = "--tesseract", description = "the tesseract executable (default: ${DEFAULT-VALUE} on the PATH)")
    String tesseract = "tesseract";
    @Option(names = "--data", description = "the shared data folder holding ocr/ (default: $GUREUM_SHARED_DATA, else shared/data "
            + "beside the repository)")
    Path dataDir;
    @Option(names = "--models-dir", description = "installed models (default: $GUREUM_MODELS_DIR, else $GUREUM_HOME/models, else ~/.gureum/models)")
    Path modelsDir;
    @Option(names = "--peers-jar", description = "the RapidOCR peer (default: bench-peers/target/gureum-bench-peers.jar beside this bench's module)")
    Path peersJar;
    @Option(names = "--json", paramLabel = "FILE", description = "where to write the results as JSON (default: bench/target/ocr-bench.json)")
    Path jsonFile;

    /** An engine under test: how it reads a page. */
    private record Contender(Engine engine, Set<String> languages, Function<Page, String> read, AutoCloseable closer) {}

    @Override
    public Integer call() throws Exception {
        if (runs < 1) throw new BenchException("--runs must be at least 1");
        if (warmUp < 0) throw new BenchException("--warm-up must be 0 or more");
        if (threads < 1) throw new BenchException("--threads must be at least 1");
        for (String e : engines) {
            if (!ALL_ENGINES.contains(e)) throw new BenchException("unknown engine '" + e + "'; engines: " + String.join(", ", ALL_ENGINES));
        }
        Path repository = HttpBench.benchJar().toAbsolutePath().getParent().getParent().getParent();
        Path data = OcrPages.locate(dataDir, repository).orElseThrow(() -> new BenchException(
                "the shared evaluation data is not found: " + (dataDir != null ? dataDir + " is not a folder"
                        : System.getenv("GUREUM_SHARED_DATA") != null && !System.getenv("GUREUM_SHARED_DATA").isBlank()
                        ? "GUREUM_SHARED_DATA=" + System.getenv("GUREUM_SHARED_DATA") + " is not a folder"
                        : "set GUREUM_SHARED_DATA to the folder holding ocr/, or keep the repository next to shared/data "
                        + "(looked beside " + repository + " and the folders above " + Path.of("").toAbsolutePath() + ")")));
        if (!Files.isDirectory(data.resolve(OcrPages.ENGLISH_DIR))) {
            throw new BenchException("no " + data.resolve(OcrPages.ENGLISH_DIR) + ": the shared data has no OCR pages");
        }
        List<Page> pages = new ArrayList<>(OcrPages.english(data));
        pages.addAll(OcrPages.korean(data, koreanLines));
        ModelStore store = new ModelStore(modelsDir != null ? modelsDir.toAbsolutePath() : GureumHome.fromEnvironment().models(),
                ModelCatalog.builtIn());

        Map<String, Object> setup = MachineCpu.describe();
        setup.put("threads", threads);
        setup.put("runs", runs);
        setup.put("warmUpRuns", warmUp);
        setup.put("maxSecondsPerPage", maxSeconds);
        setup.put("data", data.toString());
        setup.put("models", store.root().toString());
        setup.put("timing", "wall time per call, one page at a time from one thread; Gureum's engines from the page's bytes in "
                + "memory (decode + read), the peers from the page's file (the CLI: a process per page, start to exit)");
        setup.put("measure", "io.gureum.core.TextDistance: Levenshtein over code points (CER) and words (WER) over the "
                + "truth's length, whitespace runs as one space, ends trimmed");

        System.out.println("gureum bench ocr: seconds per page and CER/WER, Gureum's OCR engines beside the tesseract command line and RapidOCR");
        System.out.printf(Locale.ROOT, "  machine: %s cores (%s), %s memory, %s%n", setup.get("cores"), setup.get("cpu"), setup.get("memory"), setup.get("os"));
        System.out.printf(Locale.ROOT, "  java:    %s%n", setup.get("java"));
        long english = pages.stream().filter(p -> p.set().equals(OcrPages.ENGLISH_SET)).count();
        System.out.printf(Locale.ROOT, "  pages:   %d English pages (%s: %s), %d Korean lines (%s)%n", english,
                data.resolve(OcrPages.ENGLISH_DIR), String.join(", ", OcrPages.ENGLISH_PAGES), pages.size() - english, data.resolve(OcrPages.KOREAN_DIR));
        System.out.printf(Locale.ROOT, "  timing:  %d warm-up + %d measured runs per engine and page (median), one page at a time; "
                + "Gureum's engines decode + read the page's bytes in-process, the peers read its file%n", warmUp, runs);

        List<Contender> contenders = new ArrayList<>();
        List<Engine> described = new ArrayList<>();
        List<PageResult> results = new ArrayList<>();
        try {
            for (String id : ALL_ENGINES) {
                if (!engines.contains(id)) continue;
                Contender c = open(id, store);
                described.add(c.engine());
                System.out.println("  " + c.engine().label()
                        + (c.engine().skipped() != null ? ": skipped: " + c.engine().skipped() : ": " + VisionReport.describe(c.engine().settings())));
                if (c.engine().skipped() == null) contenders.add(c);
            }
            setup.put("engines", described.stream().map(Engine::id).toList());
            System.out.println();
            for (Contender c : contenders) {
                for (Page page : pages) {
                    if (!c.languages().contains(page.language())) {
                        if (page.set().equals(OcrPages.ENGLISH_SET)) {
                            results.add(PageResult.failed(c.engine().id(), page, "does not read '" + page.language() + "'"));
                        }
                        continue;
                    }
                    PageResult r = measure(c, page);
                    results.add(r);
                    if (page.set().equals(OcrPages.ENGLISH_SET) || !r.ok()) {
                        System.out.printf(Locale.ROOT, "  %-22s %-14s %s%n", c.engine().label(), page.name(), r.ok()
                                ? String.format(Locale.ROOT, "CER %7s  WER %7s  %7.2f s", OcrReport.percent(r.cer()), OcrReport.percent(r.wer()), r.medianSeconds())
                                : "failed: " + r.error());
                    }
                }
                OcrReport.summarise(c.engine().id(), OcrPages.KOREAN_SET, results).ifPresent(s -> System.out.printf(Locale.ROOT,
                        "  %-22s %-14s CER %7s  WER %7s  %7.3f s/line%n", c.engine().label(), s.pages() + " kor lines",
                        OcrReport.percent(s.cer()), OcrReport.percent(s.wer()), s.meanSeconds()));
            }
        } finally {
            for (Contender c : contenders) {
                try {
                    c.closer().close();
                } catch (Exception ignored) {
                    // closing after the measurement; nothing to report
                }
            }
        }

        OcrReport report = new OcrReport(setup, described, results, runs, warmUp, notes(described));
        System.out.println();
        System.out.print(report.table());
        Path json = jsonFile != null ? jsonFile : HttpBench.benchJar().toAbsolutePath().getParent().resolve("ocr-bench.json");
        Path parent = json.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report.toMap());
        System.out.println("\n  results written to " + json);
        return 0;
    }

    /** How to read the report: what each side's time holds, its threads, and what "words found" is. */
    private List<String> notes(List<Engine> described) {
        List<String> threadNotes = new ArrayList<>();
        for (Engine e : described) {
            if (e.skipped() != null) continue;
            threadNotes.add(e.label() + " " + switch (e.id()) {
                case "paddle" -> threads + " (ONNX Runtime intra-op)";
                case "tesseract" -> "1 (JavaCPP's Tesseract has no OpenMP)";
                case TesseractCli.ID -> "OpenMP's default, all " + Runtime.getRuntime().availableProcessors() + " cores";
                case TesseractCli.ID_ONE_THREAD -> "1 (OMP_THREAD_LIMIT=1)";
                default -> threads + "";
            });
        }
        return List.of(
                "seconds: wall time of one call, one page at a time. Gureum's engines run in-process from the page's bytes in memory "
                        + "(decode + read); the tesseract CLI runs as one process per page, start to exit (traineddata load, decode, "
                        + "recognition), which is how it is used from scripts; RapidOCR reads the page's file (decoding inside).",
                "threads per page: " + String.join("; ", threadNotes) + ".",
                "words found: the share of the truth's words that appear anywhere in the text. CER and WER also count reading order, "
                        + "so an engine that reads a multi-column page across its columns scores badly on them with its words right.");
    }

    // ---------------------------------------------------------------- measuring

    /** Warm-up runs, then measured runs (at least one, at most {@link #runs}, within {@link #maxSeconds}). */
    private PageResult measure(Contender c, Page page) {
        String id = c.engine().id();
        try {
            for (int i = 0; i < warmUp; i++) c.read().apply(page);
            List<Double> seconds = new ArrayList<>();
            String text = null;
            long machineBefore = MachineCpu.busyNanos();
            long ownBefore = MachineCpu.processNanos();
            long childrenBefore = MachineCpu.childrenNanos();
            long start = System.nanoTime();
            for (int i = 0; i < runs && (i == 0 || (System.nanoTime() - start) / 1e9 < maxSeconds); i++) {
                long t0 = System.nanoTime();
                String read = c.read().apply(page);
                seconds.add((System.nanoTime() - t0) / 1e9);
                if (text == null) text = read;
            }
            double wall = (System.nanoTime() - start) / 1e9;
            long machineAfter = MachineCpu.busyNanos();
            long ownAfter = MachineCpu.processNanos();
            long childrenAfter = MachineCpu.childrenNanos();
            double others = machineBefore < 0 || machineAfter < 0 || ownBefore < 0 || ownAfter < 0 || childrenBefore < 0 || childrenAfter < 0
                    ? Double.NaN
                    : Math.max(0, (machineAfter - machineBefore) - (ownAfter - ownBefore) - (childrenAfter - childrenBefore)) / 1e9 / wall;
            return new PageResult(id, page.set(), page.name(), page.truthChars(), page.truthWords(), text,
                    TextDistance.characterErrorRate(page.truth(), text), TextDistance.wordErrorRate(page.truth(), text),
                    OcrReport.wordRecall(page.truth(), text), seconds, others, null);
        } catch (Exception | LinkageError e) { // a peer may throw checked exceptions undeclared
            return PageResult.failed(id, page, GureumOcrEngines.message(e));
        }
    }

    // ---------------------------------------------------------------- engines

    private Contender open(String id, ModelStore store) throws MalformedURLException {
        return switch (id) {
            case TesseractCli.ID -> openCli(TesseractCli.ID, "tesseract CLI", null);
            case TesseractCli.ID_ONE_THREAD -> openCli(TesseractCli.ID_ONE_THREAD, "tesseract CLI 1 thread", 1);
            case RAPIDOCR -> openPeer(RAPIDOCR, "RapidOCR");
            default -> openGureum(id, store);
        };
    }

    private Contender openGureum(String id, ModelStore store) {
        GureumOcrEngines.Spec spec = GureumOcrEngines.ENGINES.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        String label = "gureum " + id;
        OnnxModel.Options ort = OnnxModel.Options.defaults().withIntraOpThreads(threads);
        GureumOcrEngines.Built built = GureumOcrEngines.build(spec.className(), OcrBench.class.getClassLoader(), List.of(store, ort));
        if (built.engine() == null) return skipped(id, label, true, built.failure());
        OcrEngine engine = built.engine();
        String notInstalled = notInstalled(engine);
        if (notInstalled != null) {
            engine.close();
            return skipped(id, label, true, notInstalled);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("class", spec.className());
        settings.put("model", engine.model());
        settings.put("languages", new TreeSet<>(engine.languages()));
        settings.put("call", "engine.read(ImageDecoder.decode(bytes).image(), [language]), in-process");
        settings.put("threads", id.equals("paddle") ? threads + " (ONNX Runtime intra-op, per model run)"
                : "1 (the calling thread; JavaCPP's Tesseract has no OpenMP)");
        Function<Page, String> read = page -> engine.read(ImageDecoder.decode(page.bytes()).image(), List.of(page.language())).text();
        return new Contender(new Engine(id, label, true, settings, null), Set.copyOf(engine.languages()), read, engine);
    }

    /** Why an engine that says it is not installed cannot read, in its own words (the install command), or null. */
    private static String notInstalled(OcrEngine engine) {
        if (engine.installed()) return null;
        try {
            engine.read(BgrImages.create(64, 64), List.of("en"));
            return "not installed";
        } catch (RuntimeException e) {
            return "not installed: " + GureumOcrEngines.message(e);
        }
    }

    private Contender openCli(String id, String label, Integer ompThreadLimit) {
        TesseractCli cli = new TesseractCli(tesseract, ompThreadLimit);
        String unavailable = cli.unavailable();
        if (unavailable != null) {
            cli.close();
            return skipped(id, label, false, unavailable);
        }
        return peer(id, label, cli);
    }

    private Contender peer(String id, String label, OcrPeer peer) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("name", peer.name());
        settings.putAll(peer.settings());
        Function<Page, String> read = page -> peer.read(page.file(), List.of(page.language()), page.textLine());
        return new Contender(new Engine(id, label, false, settings, null), peer.languages(), read, peer);
    }

    /** A peer from the bench-peers jar, in a class loader of its own; skipped (with the reason) when that jar is not built. */
    private Contender openPeer(String id, String label) throws MalformedURLException {
        Path jar = peersJar != null ? peersJar : HttpBench.benchJar().toAbsolutePath().getParent().getParent()
                .resolveSibling("bench-peers").resolve("target").resolve("gureum-bench-peers.jar");
        if (!Files.isRegularFile(jar)) {
            return skipped(id, label, false, "no " + jar + " (./gureum bench ocr builds it: mvn -P bench-peers -pl bench-peers install)");
        }
        // a loader of its own: the manifest's Class-Path brings RapidOCR's jars in lib/ beside it; its ONNX Runtime is
        // linked into its own native library, apart from the one Gureum's engines load
        ClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, OcrBench.class.getClassLoader());
        for (OcrPeer.Provider provider : ServiceLoader.load(OcrPeer.Provider.class, loader)) {
            if (!provider.id().equals(id)) continue;
            try {
                OcrPeer peer = provider.open(threads);
                return peer(id, label, peer);
            } catch (Exception | LinkageError e) { // RapidOCR throws its checked LoadException undeclared
                return skipped(id, label, false, "could not start: " + GureumOcrEngines.message(e));
            }
        }
        return skipped(id, label, false, jar + " has no OcrPeer provider '" + id + "' (rebuild it: mvn -P bench-peers -pl bench-peers install)");
    }

    private static Contender skipped(String id, String label, boolean gureum, String reason) {
        return new Contender(new Engine(id, label, gureum, Map.of(), reason), Set.of(), page -> {
            throw new IllegalStateException("skipped");
        }, () -> {});
    }
}
