package io.gureum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.gureum.bench.LanguageReport.EmbeddingModelPair;
import io.gureum.bench.LanguageReport.EmbeddingRun;
import io.gureum.bench.LanguageReport.Embeddings;
import io.gureum.bench.LanguageReport.SentimentAccuracy;
import io.gureum.bench.LanguageReport.SentimentRun;
import io.gureum.bench.LanguageReport.Translation;
import io.gureum.bench.LanguageReport.TranslationSide;
import io.gureum.core.GureumHome;
import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.core.SharedData;
import io.gureum.language.LanguageDetection;
import io.gureum.language.TextDocument;
import io.gureum.language.embeddings.BatchSettings;
import io.gureum.language.embeddings.EmbeddingModel;
import io.gureum.language.embeddings.TextEmbedding;
import io.gureum.language.embeddings.TextEmbeddings;
import io.gureum.language.sentiment.DocumentSentiment;
import io.gureum.language.sentiment.SentimentAnalysis;
import io.gureum.language.sentiment.SentimentLabel;
import io.gureum.language.translation.ChrF;
import io.gureum.language.translation.LanguagePair;
import io.gureum.language.translation.ParallelTexts;
import io.gureum.language.translation.TranslationService;
import io.gureum.language.translation.apertium.ApertiumCommand;
import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelStore;
import io.gureum.runtime.onnx.OnnxModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

/**
 * {@code gureum bench language}: translation, embeddings and sentiment of Gureum's language module, in-process, beside
 * the peers the issue names, in one run.
 *
 * <p>Translation: the English segments of the UDHR ({@code translation/udhr_eng_spa.tsv} in the shared data) into
 * Spanish, one segment per request: {@link TranslationService} (apertium's warm null-flush pipeline) beside the
 * {@code apertium eng-spa} command, a process per segment, which loads the pair's dictionaries every time. The two
 * sides take turns segment by segment, so that a busy stretch of the machine falls on both.
 *
 * <p>Embeddings: {@link TextEmbeddings} beside langchain4j's in-process {@code AllMiniLmL6V2QuantizedEmbeddingModel}
 * and {@code AllMiniLmL6V2EmbeddingModel}, which ship the ONNX files of our two packs (checked by sha256): texts per
 * second with one caller sending 1 or 32 texts a call, and 8 callers sending one text each.
 *
 * <p>Sentiment: {@link SentimentAnalysis} (VADER) on the UCI reviews, 1 and 100 documents a call, with the language
 * given and detected; its accuracy is printed as a sanity check.
 */
@Command(name = "language", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Translation characters/s of Gureum (warm apertium pipeline, in-process) beside the apertium command "
                + "line (a process per request), with a check that the outputs are identical; embeddings/s of Gureum beside "
                + "langchain4j's in-process all-MiniLM-L6-v2 (int8 and float32, the same ONNX files) at 1 and 32 texts per "
                + "call and with 8 concurrent callers; sentiment documents/s. One run, medians and ratios side by side.",
                "Needs the shared data (GUREUM_SHARED_DATA, or shared/data beside the repository), "
                        + "sudo apt-get install -y apertium apertium-eng-spa, and the models "
                        + "(./gureum models install all-minilm-l6-v2-q all-minilm-l6-v2 vader lingua). "
                        + "A part that cannot run is reported as skipped, with the reason."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:measured (a part or side that cannot run is reported as skipped)", "2:could not measure (bad options)"})
final class LanguageBench implements Callable<Integer> {
    static final String UDHR = "translation/udhr_eng_spa.tsv";
    static final List<String> REVIEW_SETS = List.of("amazon", "yelp");
    static final List<String> PARTS = List.of("translation", "embeddings", "sentiment");
    /** The shapes of embedding load: {callers, texts per call}. */
    static final List<int[]> EMBEDDING_SHAPES = List.of(new int[]{1, 1}, new int[]{1, 32}, new int[]{8, 1});
    static final List<Integer> SENTIMENT_PER_CALL = List.of(1, 100);
    /** Texts whose vectors are compared between the sides. */
    private static final int SANITY_TEXTS = 32;

    @Option(names = "--runs", description = "measured translation rounds over the segments, each side once per segment a round; "
            + "the median per segment is reported (default: ${DEFAULT-VALUE})")
    int runs = 3;
    @Option(names = "--segments", description = "translate only the first N segments (default: all)")
    Integer segmentLimit;
    @Option(names = "--rounds", description = "embedding and sentiment rounds, every contender once a round in turn; the median "
            + "is reported (default: ${DEFAULT-VALUE})")
    int rounds = 5;
    @Option(names = "--seconds", description = "measured seconds of each embedding and sentiment figure in a round (default: ${DEFAULT-VALUE})")
    double seconds = 1.0;
    @Option(names = "--warm-up-seconds", description = "unmeasured seconds of the same load before each (default: ${DEFAULT-VALUE})")
    double warmUpSeconds = 0.3;
    @Option(names = "--only", split = ",", description = "parts to run, of translation, embeddings, sentiment (default: all)")
    List<String> only = new ArrayList<>(PARTS);
    @Option(names = "--models-dir", description = "installed models (default: $GUREUM_MODELS_DIR, else $GUREUM_HOME/models, else ~/.gureum/models)")
    Path modelsDir;
    @Option(names = "--json", paramLabel = "FILE", description = "where to write the results as JSON (default: bench/target/language-bench.json)")
    Path jsonFile;

    /** One English review of the UCI sets and its label. */
    record Review(String set, String text, boolean positive) {}

    /** A contender: a name and one call. */
    private record Contender<T>(String side, ToIntFunction<List<T>> call) {}

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || rounds < 1) throw new BenchException("--runs and --rounds must be at least 1");
        if (seconds <= 0 || warmUpSeconds < 0) throw new BenchException("--seconds must be above 0 and --warm-up-seconds 0 or more");
        if (segmentLimit != null && segmentLimit < 1) throw new BenchException("--segments must be at least 1");
        for (String part : only) {
            if (!PARTS.contains(part)) throw new BenchException("unknown part '" + part + "'; parts: " + String.join(", ", PARTS));
        }
        ModelStore store = new ModelStore(modelsDir != null ? modelsDir.toAbsolutePath() : GureumHome.fromEnvironment().models(),
                ModelCatalog.builtIn());

        Map<String, Object> setup = MachineCpu.describe();
        setup.put("translationRuns", runs);
        setup.put("rounds", rounds);
        setup.put("secondsPerFigure", seconds);
        setup.put("warmUpSecondsPerFigure", warmUpSeconds);
        setup.put("models", store.root().toString());
        System.out.println("gureum bench language: translation beside the apertium CLI, embeddings beside langchain4j, sentiment; one run");
        System.out.printf(Locale.ROOT, "  machine: %s cores (%s), %s memory, %s%n", setup.get("cores"), setup.get("cpu"), setup.get("memory"), setup.get("os"));
        System.out.printf(Locale.ROOT, "  java:    %s%n%n", setup.get("java"));

        Translation translation = only.contains("translation") ? translation() : null;
        List<Review> reviews = only.contains("embeddings") || only.contains("sentiment") ? reviews() : List.of();
        String noReviews = "no UCI reviews at " + SharedData.resolve("sentiment/uci") + " (set GUREUM_SHARED_DATA to the folder holding sentiment/)";
        Embeddings embeddings = !only.contains("embeddings") ? null
                : reviews.isEmpty() ? Embeddings.skipped(noReviews) : embeddings(store, reviews);
        LanguageReport.Sentiment sentiment = !only.contains("sentiment") ? null
                : reviews.isEmpty() ? LanguageReport.Sentiment.skipped(noReviews) : sentiment(store, reviews);

        LanguageReport report = new LanguageReport(setup, translation, embeddings, sentiment);
        System.out.println();
        System.out.print(report.table());
        Path json = jsonFile != null ? jsonFile : HttpBench.benchJar().toAbsolutePath().getParent().resolve("language-bench.json");
        Path parent = json.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report.toMap());
        System.out.println("\n  results written to " + json);
        return 0;
    }

    // ---------------------------------------------------------------- translation

    private interface Translate {
        String translate(String text);
    }

    private Translation translation() throws IOException {
        Path tsv = SharedData.resolve(UDHR);
        if (!Files.isRegularFile(tsv)) return Translation.skipped("no " + tsv + " (set GUREUM_SHARED_DATA to the folder holding " + UDHR + ")");
        List<ParallelTexts.Segment> segments = ParallelTexts.read(tsv, "eng", "spa");
        if (segmentLimit != null && segmentLimit < segments.size()) segments = segments.subList(0, segmentLimit);
        List<String> sources = segments.stream().map(ParallelTexts.Segment::source).toList();
        List<Integer> characters = sources.stream().map(s -> s.codePointCount(0, s.length())).toList();

        // No language detector: the source language is given, as a client that knows it sends it.
        try (TranslationService service = TranslationService.installed(null)) {
            String oursLabel = "gureum in-process (TranslationService, warm pipeline)";
            String pairName = "eng-spa";
            Translate ours = null;
            String oursSkipped = null;
            Map<String, Object> oursSettings = new LinkedHashMap<>();
            try {
                Optional<LanguagePair> pair = service.pairs().stream().filter(p -> p.from().equals("en") && p.to().equals("es")).findFirst();
                if (pair.isEmpty()) {
                    oursSkipped = "no English→Spanish pair installed (sudo apt-get install -y apertium-eng-spa)";
                } else {
                    pairName = pair.get().name();
                    oursSettings.put("call", "TranslationService.installed(null).translate(List.of(segment), \"en\", \"es\", false)");
                    oursSettings.put("pair", pair.get().name() + " (" + pair.get().model() + " " + pair.get().modelVersion() + ")");
                    ours = text -> service.translate(List.of(text), "en", "es", false).translations().get(0).text();
                }
            } catch (Problem p) {
                oursSkipped = p.detail();
            }
            String peerLabel = "apertium " + pairName + " (a process per segment)";
            String finalPair = pairName;
            Translate peer = ApertiumCommand.available()
                    ? text -> ApertiumCommand.translate(finalPair, text, false, Map.of(), Duration.ofSeconds(60)) : null;
            Map<String, Object> peerSettings = new LinkedHashMap<>();
            peerSettings.put("command", "apertium " + pairName + " < segment > translation");
            peerSettings.put("process", "one per segment, start to exit (it loads the pair's dictionaries each time)");

            System.out.printf(Locale.ROOT, "  translation: %s: %d segments, %s characters, English → Spanish, one segment per request%n",
                    tsv, sources.size(), LanguageReport.thousands(characters.stream().mapToLong(Integer::longValue).sum()));
            System.out.printf(Locale.ROOT, "  timing:      %d measured round(s), the two sides taking turns segment by segment (median per segment); "
                    + "warm-up: ours the whole text once, the command the first 3 segments%n", runs);

            double firstCall = Double.NaN;
            if (ours != null) {
                try {
                    long start = System.nanoTime();
                    ours.translate(sources.get(0));
                    firstCall = (System.nanoTime() - start) / 1e9;
                    for (String s : sources) ours.translate(s);
                } catch (RuntimeException e) {
                    oursSkipped = "failed: " + e.getMessage();
                    ours = null;
                }
            }
            String peerSkipped = peer == null ? "the apertium command is not on the PATH (sudo apt-get install -y apertium apertium-eng-spa)" : null;
            if (peer != null) {
                try {
                    for (String s : sources.subList(0, Math.min(3, sources.size()))) peer.translate(s);
                } catch (RuntimeException e) {
                    peerSkipped = "failed: " + e.getMessage();
                    peer = null;
                }
            }

            List<Translate> sides = new ArrayList<>();
            sides.add(ours);
            sides.add(peer);
            String[] failed = new String[2];
            List<List<List<Double>>> seconds = List.of(newLists(sources.size()), newLists(sources.size()));
            List<List<String>> outputs = List.of(new ArrayList<>(), new ArrayList<>());
            OtherCores others = new OtherCores();
            for (int round = 0; round < runs; round++) {
                double[] roundSeconds = new double[2];
                for (int i = 0; i < sources.size(); i++) {
                    for (int k = 0; k < 2; k++) {
                        int side = (round + i + k) % 2;   // who goes first alternates by segment and by round
                        Translate t = sides.get(side);
                        if (t == null || failed[side] != null) continue;
                        try {
                            long start = System.nanoTime();
                            String out = t.translate(sources.get(i));
                            double s = (System.nanoTime() - start) / 1e9;
                            seconds.get(side).get(i).add(s);
                            roundSeconds[side] += s;
                            if (round == 0) outputs.get(side).add(out);
                        } catch (RuntimeException e) {
                            failed[side] = "failed on segment " + i + ": " + e.getMessage();
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "    round %d of %d: ours %.2f s, the command %.1f s%n", round + 1, runs, roundSeconds[0], roundSeconds[1]);
            }
            double otherCores = others.end();
            if (failed[0] != null) oursSkipped = failed[0];
            if (failed[1] != null) peerSkipped = failed[1];

            List<TranslationSide> result = List.of(
                    oursSkipped != null ? TranslationSide.skipped(LanguageReport.OURS, oursLabel, oursSkipped)
                            : new TranslationSide(LanguageReport.OURS, oursLabel, oursSettings, seconds.get(0), null),
                    peerSkipped != null ? TranslationSide.skipped(LanguageReport.APERTIUM_CLI, peerLabel, peerSkipped)
                            : new TranslationSide(LanguageReport.APERTIUM_CLI, peerLabel, peerSettings, seconds.get(1), null));
            int compared = oursSkipped == null && peerSkipped == null ? sources.size() : 0;
            int mismatches = compared == 0 ? 0 : mismatches(outputs.get(0), outputs.get(1));
            double chrF = oursSkipped == null ? ChrF.corpus(outputs.get(0), segments.stream().map(ParallelTexts.Segment::reference).toList()) : Double.NaN;
            return new Translation(tsv.toString(), pairName, characters, result, compared, mismatches, chrF, firstCall, otherCores, null);
        }
    }

    /** How many of the outputs differ, position by position. */
    static int mismatches(List<String> ours, List<String> theirs) {
        if (ours.size() != theirs.size()) throw new IllegalArgumentException(ours.size() + " outputs against " + theirs.size());
        int n = 0;
        for (int i = 0; i < ours.size(); i++) if (!ours.get(i).equals(theirs.get(i))) n++;
        return n;
    }

    private static List<List<Double>> newLists(int n) {
        List<List<Double>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) lists.add(new ArrayList<>());
        return lists;
    }

    // ---------------------------------------------------------------- embeddings

    private Embeddings embeddings(ModelStore store, List<Review> reviews) throws Exception {
        List<String> texts = reviews.stream().map(Review::text).toList();
        double averageCharacters = texts.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf(Locale.ROOT, "  embeddings:  %s UCI reviews (%.0f characters on average); %d round(s), each figure %.1f s after %.1f s of warm-up, "
                + "the contenders of a row in turn%n", LanguageReport.thousands(texts.size()), averageCharacters, rounds, seconds, warmUpSeconds);

        // Defaults as the server runs them; a second instance with batching off, what dynamic batching is measured against.
        try (TextEmbeddings ours = new TextEmbeddings(store);
             TextEmbeddings unbatched = new TextEmbeddings(store, OnnxModel.Options.defaults().withIntraOpThreads(1),
                     BatchSettings.defaults().oneTextPerRun())) {
            List<EmbeddingModelPair> models = new ArrayList<>();
            // each row of the table: a model and a shape, with its contenders
            List<String> rowModels = new ArrayList<>();
            List<int[]> rowShapes = new ArrayList<>();
            List<List<Contender<String>>> rowContenders = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (String key : List.of(LanguageReport.INT8, LanguageReport.FP32)) {
                ModelRef ref = ModelRef.parse(key.equals(LanguageReport.INT8) ? "all-minilm-l6-v2-q" : "all-minilm-l6-v2");
                EmbeddingModel model;
                try {
                    model = ours.model(Optional.of(ref));
                } catch (Problem p) {
                    skipped.add(key + ": " + p.detail());
                    System.out.printf(Locale.ROOT, "  embeddings %s: skipped: %s%n", key, p.detail());
                    continue;
                }
                dev.langchain4j.model.embedding.EmbeddingModel theirs = key.equals(LanguageReport.INT8)
                        ? new AllMiniLmL6V2QuantizedEmbeddingModel() : new AllMiniLmL6V2EmbeddingModel();
                EmbeddingModelPair pair = pair(key, store, ref, model, theirs, ours, texts.subList(0, Math.min(SANITY_TEXTS, texts.size())));
                models.add(pair);
                System.out.printf(Locale.ROOT, "  %-7s      gureum %s (%s) beside langchain4j %s; same ONNX file: %s; vectors differ by at most %.1e%n",
                        key, pair.ours(), pair.batched() ? "batched" : "one text per model run", pair.theirs(),
                        pair.sameOnnxFile() == null ? "not compared" : pair.sameOnnxFile() ? "yes" : "NO", pair.maxDifference());
                ToIntFunction<List<String>> oursCall = batch -> ours.embed(batch, Optional.of(ref)).data().size();
                ToIntFunction<List<String>> theirsCall = batch -> theirs.embedAll(batch.stream().map(TextSegment::from).toList()).content().size();
                for (int[] shape : EMBEDDING_SHAPES) {
                    List<Contender<String>> contenders = new ArrayList<>(List.of(
                            new Contender<>(LanguageReport.OURS, oursCall), new Contender<>(LanguageReport.LANGCHAIN4J, theirsCall)));
                    // dynamic batching only matters where concurrent callers send one text each to a batched model
                    if (shape[0] > 1 && model.batchesTexts()) {
                        contenders.add(new Contender<>(LanguageReport.OURS_UNBATCHED, batch -> unbatched.embed(batch, Optional.of(ref)).data().size()));
                    }
                    rowModels.add(key);
                    rowShapes.add(shape);
                    rowContenders.add(contenders);
                }
            }
            if (models.isEmpty()) return Embeddings.skipped(String.join("; ", skipped));

            LanguageThroughput<String> throughput = new LanguageThroughput<>(texts, duration(warmUpSeconds), duration(seconds));
            List<List<List<Double>>> perSecond = new ArrayList<>();
            for (List<Contender<String>> contenders : rowContenders) perSecond.add(newLists(contenders.size()));
            OtherCores others = new OtherCores();
            for (int round = 0; round < rounds; round++) {
                for (int row = 0; row < rowContenders.size(); row++) {
                    List<Contender<String>> contenders = rowContenders.get(row);
                    int[] shape = rowShapes.get(row);
                    for (int k = 0; k < contenders.size(); k++) {
                        int c = (round + row + k) % contenders.size();   // who goes first rotates by round and row
                        perSecond.get(row).get(c).add(throughput.perSecond(contenders.get(c).call(), shape[0], shape[1]));
                    }
                }
                System.out.printf(Locale.ROOT, "    round %d of %d done%n", round + 1, rounds);
            }
            double otherCores = others.end();
            List<EmbeddingRun> runs = new ArrayList<>();
            for (int row = 0; row < rowContenders.size(); row++) {
                for (int c = 0; c < rowContenders.get(row).size(); c++) {
                    runs.add(new EmbeddingRun(rowModels.get(row), rowContenders.get(row).get(c).side(), rowShapes.get(row)[0],
                            rowShapes.get(row)[1], perSecond.get(row).get(c)));
                }
            }
            return new Embeddings(SharedData.resolve("sentiment/uci").toString(), texts.size(), averageCharacters, models, runs, otherCores, null);
        }
    }

    /** What is compared for one model: the packs, whether the ONNX files are the same bytes, how far the vectors are apart. */
    private static EmbeddingModelPair pair(String key, ModelStore store, ModelRef ref, EmbeddingModel model,
                                           dev.langchain4j.model.embedding.EmbeddingModel theirs, TextEmbeddings ours, List<String> texts) {
        InstalledModel installed = store.resolve(TextEmbeddings.TASK, Optional.of(ref));
        String sha = null;
        Boolean same = null;
        try {
            sha = sha256(Files.newInputStream(installed.onnxFile()));
            // langchain4j loads the file of the same name from its jar (as our pack was made from that jar)
            InputStream resource = theirs.getClass().getClassLoader().getResourceAsStream(installed.onnxFile().getFileName().toString());
            if (resource != null) same = sha.equals(sha256(resource));
        } catch (IOException e) {
            // not compared: reported as such
        }
        List<float[]> a = ours.embed(texts, Optional.of(ref)).data().stream().map(TextEmbedding::embedding).toList();
        List<Embedding> b = theirs.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        return new EmbeddingModelPair(key, model.ref(), theirs.getClass().getSimpleName(), sha, same, maxDifference(a, b.stream().map(Embedding::vector).toList()),
                model.batchesTexts());
    }

    /** The largest difference between corresponding coordinates of two lists of vectors. */
    static double maxDifference(List<float[]> a, List<float[]> b) {
        if (a.size() != b.size()) throw new IllegalArgumentException(a.size() + " vectors against " + b.size());
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).length != b.get(i).length) return Double.POSITIVE_INFINITY;
            for (int k = 0; k < a.get(i).length; k++) max = Math.max(max, Math.abs(a.get(i)[k] - b.get(i)[k]));
        }
        return max;
    }

    private static String sha256(InputStream in) throws IOException {
        try (InputStream stream = in) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new DigestInputStream(stream, sha).transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- sentiment

    private LanguageReport.Sentiment sentiment(ModelStore store, List<Review> reviews) throws Exception {
        try (LanguageDetection detection = new LanguageDetection(store)) {
            SentimentAnalysis analysis = new SentimentAnalysis(store, detection);
            String model;
            try {
                model = analysis.analyze(List.of(new TextDocument("0", "Warming up.", "en")), Optional.empty()).model();
            } catch (Problem p) {
                return LanguageReport.Sentiment.skipped(p.detail());
            }
            String detectionSkipped = null;
            try {
                long start = System.nanoTime();
                detection.warmUp();
                System.out.printf(Locale.ROOT, "  sentiment:   language detector loaded in %.1f s (unmeasured)%n", (System.nanoTime() - start) / 1e9);
            } catch (Problem p) {
                detectionSkipped = p.detail();
                System.out.printf(Locale.ROOT, "  sentiment:   detected-language runs skipped: %s%n", p.detail());
            }
            System.out.printf(Locale.ROOT, "  sentiment:   %s UCI reviews with %s; %d round(s), each figure %.1f s after %.1f s of warm-up, in turn%n",
                    LanguageReport.thousands(reviews.size()), model, rounds, seconds, warmUpSeconds);

            List<TextDocument> given = new ArrayList<>();
            List<TextDocument> undeclared = new ArrayList<>();
            for (int i = 0; i < reviews.size(); i++) {
                given.add(new TextDocument(Integer.toString(i), reviews.get(i).text(), "en"));
                undeclared.add(new TextDocument(Integer.toString(i), reviews.get(i).text(), null));
            }
            List<SentimentAccuracy> accuracy = accuracy(analysis, reviews, detectionSkipped == null);

            // A document refused as not English (the whole call, when detection is on) was still answered: it counts.
            ToIntFunction<List<TextDocument>> call = documents -> {
                try {
                    return analysis.analyze(documents, Optional.empty()).documents().size();
                } catch (Problem p) {
                    if (SentimentAnalysis.UNSUPPORTED_LANGUAGE.equals(p.code())) return documents.size();
                    throw p;
                }
            };
            List<int[]> shapes = new ArrayList<>();   // {documents per call, 1 when detected}
            for (int perCall : SENTIMENT_PER_CALL) {
                shapes.add(new int[]{perCall, 0});
                if (detectionSkipped == null) shapes.add(new int[]{perCall, 1});
            }
            LanguageThroughput<TextDocument> withLanguage = new LanguageThroughput<>(given, duration(warmUpSeconds), duration(seconds));
            LanguageThroughput<TextDocument> detected = new LanguageThroughput<>(undeclared, duration(warmUpSeconds), duration(seconds));
            List<List<Double>> perSecond = newLists(shapes.size());
            OtherCores others = new OtherCores();
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < shapes.size(); k++) {
                    int s = (round + k) % shapes.size();
                    int[] shape = shapes.get(s);
                    perSecond.get(s).add((shape[1] == 1 ? detected : withLanguage).perSecond(call, 1, Math.min(shape[0], reviews.size())));
                }
            }
            double otherCores = others.end();
            List<SentimentRun> runs = new ArrayList<>();
            for (int s = 0; s < shapes.size(); s++) runs.add(new SentimentRun(shapes.get(s)[0], shapes.get(s)[1] == 1, perSecond.get(s)));
            return new LanguageReport.Sentiment(SharedData.resolve("sentiment/uci").toString(), model, reviews.size(), runs, accuracy, otherCores, null);
        }
    }

    /** Per review set, one document per call: right with the language given, and refused and right with it detected. */
    private static List<SentimentAccuracy> accuracy(SentimentAnalysis analysis, List<Review> reviews, boolean detect) {
        List<SentimentAccuracy> out = new ArrayList<>();
        for (String set : REVIEW_SETS) {
            List<Review> of = reviews.stream().filter(r -> r.set().equals(set)).toList();
            if (of.isEmpty()) continue;
            int correct = 0;
            int refused = 0;
            int correctDetected = 0;
            for (Review r : of) {
                if (isRight(analysis.analyze(List.of(new TextDocument("0", r.text(), "en")), Optional.empty()).documents().get(0), r)) correct++;
                if (!detect) continue;
                try {
                    if (isRight(analysis.analyze(List.of(new TextDocument("0", r.text(), null)), Optional.empty()).documents().get(0), r)) correctDetected++;
                } catch (Problem p) {
                    if (!SentimentAnalysis.UNSUPPORTED_LANGUAGE.equals(p.code())) throw p;
                    refused++;
                }
            }
            out.add(new SentimentAccuracy(set, of.size(), correct, refused, correctDetected));
        }
        return out;
    }

    /** The rule of the accuracy tests: positive when the label is positive, so neutral counts as negative. */
    static boolean isRight(DocumentSentiment result, Review review) {
        return (result.label() == SentimentLabel.POSITIVE) == review.positive();
    }

    // ---------------------------------------------------------------- data

    /** The UCI reviews of the shared data ({@code sentiment/uci/amazon.json}, {@code yelp.json}); empty without them. */
    static List<Review> reviews() throws IOException {
        List<Review> reviews = new ArrayList<>();
        for (String set : REVIEW_SETS) {
            Path file = SharedData.resolve("sentiment/uci/" + set + ".json");
            if (Files.isRegularFile(file)) reviews.addAll(reviews(set, Files.readString(file)));
        }
        return reviews;
    }

    /** A JSON array of {@code {"text", "class"}}, class 1 positive and 0 negative. */
    static List<Review> reviews(String set, String json) throws IOException {
        List<Review> reviews = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(json)) {
            String text = row.path("text").asText("");
            if (text.isBlank()) continue;   // nothing to embed or score
            reviews.add(new Review(set, text, row.path("class").asInt() == 1));
        }
        return reviews;
    }

    private static Duration duration(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /**
     * Cores that processes other than this JVM and its children kept busy from construction to {@link #end()}: a
     * build next door on a small machine skews the figures, and this says when it did. This JVM's children are its
     * processes that ended (the command line, a process per request) and the ones still running (apertium's
     * long-lived pipelines). NaN off Linux.
     */
    private static final class OtherCores {
        private final long machine = MachineCpu.busyNanos();
        private final long own = ownNanos();
        private final long start = System.nanoTime();

        double end() {
            long machineNow = MachineCpu.busyNanos();
            long ownNow = ownNanos();
            long wall = System.nanoTime() - start;
            if (machine < 0 || own < 0 || machineNow < 0 || ownNow < 0 || wall <= 0) return Double.NaN;
            return Math.max(0, (machineNow - machine) - (ownNow - own)) / (double) wall;
        }

        private static long ownNanos() {
            long process = MachineCpu.processNanos();
            long ended = MachineCpu.childrenNanos();
            if (process < 0 || ended < 0) return -1;
            long running = ProcessHandle.current().descendants()
                    .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
            return process + ended + running;
        }
    }
}
