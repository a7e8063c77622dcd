package io.gureum.language.translation.apertium;

import io.gureum.language.translation.LanguagePair;
import io.gureum.language.translation.LanguageTags;
import io.gureum.language.translation.TranslationProblems;
import io.gureum.language.translation.Translator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Apertium (GPL; Debian's {@code apertium} and {@code apertium-<pair>} packages), run as separate programs: the
 * {@link Translator} named {@code apertium}.
 *
 * <p>Each pair keeps long-lived pipelines ({@link PipelinePool}) instead of running {@code apertium <pair>} per text:
 * that command loads the pair's dictionaries every time (a median 330 ms a sentence for eng-spa on 2 cores, against
 * 1.2 ms through a warm pipeline), and cannot stream, as its text deformatter drops the NULs that flush the stages. So the text is
 * deformatted here ({@link TxtFormat}, or the HTML filters of {@link HtmlFormats}), the chunk goes through the pair's
 * null-flush pipeline (the mode file as {@code apertium-wblank-mode -z} prints it, what {@code apertium -z} runs),
 * and the output is reformatted here: byte for byte what {@code apertium [-f html] <pair>} prints.
 *
 * <p>Pairs are the {@code .mode} files of {@code $APERTIUM_DATADIR/modes} (default {@code /usr/share/apertium}),
 * looked at again when the folder changes, so a package installed while the server runs is found.
 */
public final class ApertiumTranslator implements Translator {
    public static final String ENGINE = "apertium";
    public static final Path DEFAULT_DATA_DIR = Path.of("/usr/share/apertium");
    /** The pair whose data {@link #installCommand} suggests when a request names no other. */
    public static final String DEFAULT_PACKAGE = "apertium-eng-spa";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** What the apertium script sets: its programs read and write UTF-8 only under a UTF-8 locale. */
    private static final Map<String, String> ENVIRONMENT = Map.of("LC_CTYPE", "C.UTF-8");

    private final Path modesDir;
    private final int maxPipelinesPerPair;
    private final Duration timeout;
    private final PairPackages packages = PairPackages.builtIn();
    private final ConcurrentMap<String, PipelinePool> pools = new ConcurrentHashMap<>();
    private volatile Discovered discovered = new Discovered(null, List.of());
    private volatile boolean closed;

    /** The pairs seen at one modification time of the modes folder. */
    private record Discovered(FileTime modified, List<LanguagePair> pairs) {}

    /** With the defaults: {@code $APERTIUM_DATADIR} or /usr/share/apertium, one pipeline per core (at most 4) per pair. */
    public ApertiumTranslator() {
        this(dataDirFromEnvironment(), Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), DEFAULT_TIMEOUT);
    }

    /**
     * @param dataDir             apertium's data folder, holding {@code modes/}
     * @param maxPipelinesPerPair how many texts of one pair may be translated at once (each pipeline is a dozen
     *                            processes holding the pair's dictionaries); more wait their turn
     * @param timeout             the most one text may take, waiting for a pipeline included
     */
    public ApertiumTranslator(Path dataDir, int maxPipelinesPerPair, Duration timeout) {
        if (maxPipelinesPerPair < 1) throw new IllegalArgumentException("maxPipelinesPerPair must be at least 1");
        this.modesDir = dataDir.resolve("modes");
        this.maxPipelinesPerPair = maxPipelinesPerPair;
        this.timeout = timeout;
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    /** The programs that run a pair are on {@code PATH}: apertium 3.8's {@code apertium-wblank-mode}, and bash. */
    @Override
    public boolean isInstalled() {
        return Programs.onPath("apertium-wblank-mode").isPresent() && Programs.onPath("bash").isPresent();
    }

    @Override
    public List<LanguagePair> pairs() {
        if (!isInstalled()) return List.of();
        try {
            FileTime modified = Files.isDirectory(modesDir) ? Files.getLastModifiedTime(modesDir) : null;
            Discovered seen = discovered;
            if (seen.modified() == null || !seen.modified().equals(modified)) {
                seen = new Discovered(modified, discover());
                discovered = seen;
            }
            return seen.pairs();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read apertium's modes in " + modesDir, e);
        }
    }

    @Override
    public Optional<String> packageFor(String from, String to) {
        return packages.packageFor(from, to);
    }

    @Override
    public String installCommand(String from, String to) {
        Optional<String> pairPackage = from == null || to == null ? Optional.empty() : packageFor(from, to);
        return "sudo apt-get install -y apertium " + pairPackage.orElse(DEFAULT_PACKAGE);
    }

    @Override
    public List<String> translate(LanguagePair pair, List<String> texts, boolean html) {
        if (closed) throw new IllegalStateException("the apertium translator is closed");
        if (!ENGINE.equals(pair.engine())) throw new IllegalArgumentException("not an apertium pair: " + pair);
        StreamFormat format = html ? HtmlFormats.installed(ENVIRONMENT).orElseThrow(() -> TranslationProblems.engineFailed(
                pair.name(), "neither Transfuse (tf-extract) nor apertium-deshtml is installed for HTML")) : StreamFormat.TXT;
        PipelinePool pool = pool(pair);
        List<String> translations = new ArrayList<>(texts.size());
        try {
            for (String text : texts) {
                long deadline = System.nanoTime() + timeout.toNanos();
                try (StreamFormat.Deformatted deformatted = format.deformat(text, deadline)) {
                    List<String> translated = new ArrayList<>(deformatted.chunks().size());
                    for (String chunk : deformatted.chunks()) translated.add(pool.process(chunk, deadline));
                    translations.add(deformatted.reformat(translated, deadline));
                }
            }
        } catch (TimeoutException e) {
            throw TranslationProblems.engineTimeout(pair.name(), timeout.toSeconds());
        } catch (IOException e) {
            throw TranslationProblems.engineFailed(pair.name(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while translating", e);
        }
        return translations;
    }

    /** The process ids of a pair's running pipelines (shells and stages): for tests that kill them. */
    List<Long> pipelinePids(String pairName) {
        PipelinePool pool = pools.get(pairName);
        return pool == null ? List.of() : pool.pids();
    }

    @Override
    public void close() {
        closed = true;
        pools.values().forEach(PipelinePool::close);
        pools.clear();
    }

    private PipelinePool pool(LanguagePair pair) {
        PipelinePool pool = pools.get(pair.name());
        if (pool != null) return pool;
        String pipeline = pipelineScript(pair);   // outside the map's lock: it runs a program
        return pools.computeIfAbsent(pair.name(), name -> new PipelinePool(name, pipeline, ENVIRONMENT, maxPipelinesPerPair));
    }

    /** The pair's pipeline with every stage in null-flush mode, as the apertium script gets it for {@code -z}. */
    String pipelineScript(LanguagePair pair) {
        Path modeFile = modesDir.resolve(pair.name() + ".mode");
        try {
            byte[] script = Programs.run(List.of("apertium-wblank-mode", "-z", modeFile.toString()), new byte[0], ENVIRONMENT,
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
            return new String(script, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw TranslationProblems.engineFailed(modeFile.getFileName().toString(), e.getMessage());
        } catch (TimeoutException e) {
            throw TranslationProblems.engineFailed(modeFile.getFileName().toString(), "apertium-wblank-mode did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private List<LanguagePair> discover() throws IOException {
        List<ApertiumModes.Mode> modes = ApertiumModes.discover(modesDir);
        Set<String> debianPackages = modes.stream().map(ApertiumModes.Mode::debianPackage)
                .filter(p -> p != null).collect(Collectors.toSet());
        Map<String, String> versions = Dpkg.installedVersions(Dpkg.STATUS, debianPackages);
        List<LanguagePair> pairs = new ArrayList<>();
        Set<String> directions = new HashSet<>();
        for (ApertiumModes.Mode mode : modes) {
            // two modes for one direction (an old two-letter name beside a new one): the first, by name, serves it
            if (!directions.add(LanguageTags.normalize(mode.from()) + ">" + LanguageTags.normalize(mode.to()))) continue;
            pairs.add(new LanguagePair(mode.from(), mode.to(), ENGINE, mode.name(), mode.debianPackage(),
                    mode.debianPackage() == null ? null : versions.get(mode.debianPackage())));
        }
        return List.copyOf(pairs);
    }

    private static Path dataDirFromEnvironment() {
        String dir = System.getenv("APERTIUM_DATADIR");
        return dir == null || dir.isBlank() ? DEFAULT_DATA_DIR : Path.of(dir);
    }
}
