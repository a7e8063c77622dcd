package io.gureum.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gureum.bench.BenchImages.Frame;
import io.gureum.bench.BenchImages.Size;
import io.gureum.bench.ModelSpeed.Timing;
import io.gureum.bench.VisionReport.FaceScore;
import io.gureum.bench.VisionReport.FrameScore;
import io.gureum.bench.VisionReport.ModelRow;
import io.gureum.bench.VisionReport.ObjectsFound;
import io.gureum.bench.VisionReport.Speed;
import io.gureum.core.GureumHome;
import io.gureum.core.Problem;
import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelStore;
import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.vision.face.Face;
import io.gureum.vision.face.FaceAnalyzer;
import io.gureum.vision.face.FaceAttribute;
import io.gureum.vision.face.FaceOptions;
import io.gureum.vision.geometry.Box;
import io.gureum.vision.objects.DetectedObject;
import io.gureum.vision.objects.ObjectDetection;
import io.gureum.vision.objects.ObjectOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code gureum bench vision}: how fast Gureum finds faces (alone, and with age, gender and emotion) and objects
 * on CPU, and how many faces it finds, beside OpenCV's Haar cascade on the same images in the same JVM; and how
 * fast ONNX Runtime runs each converted model beside TensorFlow.js running the original tfjs graph in Node.
 *
 * <p>Images ({@link BenchImages}): five photos letterboxed to 640x480 and 1280x720, and per size a group frame of
 * pasted faces 24-200 px wide with known boxes. Per workload and size: a warm-up (models load, the JIT settles),
 * then the frames in turn, one call at a time from one thread, for a fixed time; images/s, faces (or objects)
 * found per second, and p50/p90 latency per image. ONNX Runtime and OpenCV get the same thread count (all cores
 * unless {@code --threads}). Face recall and false positives come from the first measured pass ({@link FaceMatching}).
 */
@Command(name = "vision", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Face and object detection speed (images/s, p50/p90 per image) and face recall of Gureum on CPU, "
                + "beside OpenCV's Haar cascade (module bench-peers) on the same images, and per-model inference time in "
                + "ONNX Runtime beside TensorFlow.js's CPU backend in Node (bench/node) on the same installed models.",
                "Needs the skimage photos (sudo apt-get install -y python3-skimage) and the vision models "
                        + "(./gureum models install --all). ./gureum bench vision builds the peers first."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:measured (a missing peer is reported as skipped)", "2:could not measure (no photos, no models)"})
final class VisionBench implements Callable<Integer> {
    static final String GUREUM_DETECT = "gureum-detect";
    static final String GUREUM_ATTRIBUTES = "gureum-attributes";
    static final String GUREUM_OBJECTS = "gureum-objects";
    static final String HAAR = "haar";
    private static final int MAX_PASSES = 10_000;
    /** Unmeasured runs of each model before its timed ones (ORT and tfjs alike): first runs allocate and plan. */
    private static final int MODEL_WARM_UP = 2;

    @Option(names = {"-d", "--duration"}, converter = HttpBench.Seconds.class,
            description = "measured time per workload and frame size, e.g. 6s (default: 6s)")
    int durationSeconds = 6;
    @Option(names = "--warm-up", converter = HttpBench.Seconds.class,
            description = "unmeasured time before each, at least one pass over the frames (default: 2s)")
    int warmUpSeconds = 2;
    @Option(names = {"-t", "--threads"}, description = "threads one inference may use, in ONNX Runtime and OpenCV alike (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--model-runs", description = "measured runs per model in the model table, ORT and tfjs alike (default: ${DEFAULT-VALUE})")
    int modelRuns = 20;
    @Option(names = "--model-seconds", description = "stop a model's measured runs after this many seconds, but not before 3 runs; "
            + "tfjs needs seconds per run of the larger models (default: ${DEFAULT-VALUE})")
    double modelSeconds = 15;
    @Option(names = "--no-haar", description = "leave the OpenCV Haar peer out")
    boolean noHaar;
    @Option(names = "--no-tfjs", description = "leave the TensorFlow.js peer out (the model table shows ORT only)")
    boolean noTfjs;
    @Option(names = "--photos", description = "the skimage photos (default: /usr/lib/python3/dist-packages/skimage/data)")
    Path photosDir;
    @Option(names = "--models-dir", description = "installed models (default: $GUREUM_MODELS_DIR, else $GUREUM_HOME/models, else ~/.gureum/models)")
    Path modelsDir;
    @Option(names = "--peers-jar", description = "the OpenCV peer (default: bench-peers/target/gureum-bench-peers.jar beside this bench's module)")
    Path peersJar;
    @Option(names = "--node", description = "the Node.js executable (default: ${DEFAULT-VALUE} on the PATH)")
    String node = "node";
    @Option(names = "--node-dir", description = "the tfjs peer's folder (default: bench/node beside this bench's jar)")
    Path nodeDir;
    @Option(names = "--json", paramLabel = "FILE", description = "where to write the results as JSON (default: bench/target/vision-bench.json)")
    Path jsonFile;
    @Option(names = "--save-images", paramLabel = "DIR", description = "also write every frame as PNG with the ground truth (green), gureum's faces (red) and Haar's (blue)")
    Path imagesDir;

    @Override
    public Integer call() throws Exception {
        if (durationSeconds < 1) throw new BenchException("--duration must be at least 1s");
        if (threads < 1) throw new BenchException("--threads must be at least 1");
        if (modelRuns < 3) throw new BenchException("--model-runs must be at least 3");
        Path photos = BenchImages.locatePhotos(photosDir).orElseThrow(() -> new BenchException(
                "the skimage photos (" + String.join(", ", BenchImages.PHOTO_FILES) + ") are not in "
                        + (photosDir != null ? photosDir : String.join(" or ", BenchImages.PHOTO_DIRS))
                        + ": sudo apt-get install -y python3-skimage, or --photos DIR"));
        ModelStore store = new ModelStore(modelsDir != null ? modelsDir.toAbsolutePath() : GureumHome.fromEnvironment().models(),
                ModelCatalog.builtIn());
        List<Frame> frames = BenchImages.frames(BenchImages.readPhotos(photos));
        OnnxModel.Options ort = OnnxModel.Options.defaults().withIntraOpThreads(threads);

        Map<String, Object> setup = MachineCpu.describe();
        setup.put("threads", threads);
        setup.put("warmUpSeconds", warmUpSeconds);
        setup.put("durationSeconds", durationSeconds);
        setup.put("photos", photos.toString());
        setup.put("models", store.root().toString());
        setup.put("frames", frames.stream().map(f -> ordered("name", f.name(), "faces", f.faces().size())).toList());

        System.out.println("gureum bench vision: faces and objects on CPU, beside OpenCV's Haar cascade and TensorFlow.js");
        System.out.printf(Locale.ROOT, "  machine: %s cores (%s), %s memory, %s%n", setup.get("cores"), setup.get("cpu"), setup.get("memory"), setup.get("os"));
        System.out.printf(Locale.ROOT, "  java:    %s; %d threads per inference (ONNX Runtime intra-op for objects, OpenCV); "
                + "faces: 1 ONNX Runtime thread per run, an image's tiles in parallel%n", setup.get("java"), threads);
        for (Size size : BenchImages.SIZES) {
            List<Frame> of = framesOf(frames, size);
            System.out.printf(Locale.ROOT, "  images:  %s: %s%n", size.label(), String.join(", ",
                    of.stream().map(f -> f.name() + " (" + f.faces().size() + (f.faces().size() == 1 ? " face)" : " faces)")).toList()));
        }
        System.out.printf(Locale.ROOT, "  timing:  %ds warm-up + %ds measured per workload and size, one image per call, one caller%n",
                warmUpSeconds, durationSeconds);

        List<Speed> speeds = new ArrayList<>();
        List<FaceScore> faceScores = new ArrayList<>();
        List<ObjectsFound> objectsFound = new ArrayList<>();
        Map<String, List<List<Box>>> drawn = new LinkedHashMap<>();

        FaceOptions detection = FaceOptions.detection();
        FaceOptions attributes = detection.withAttributes(EnumSet.of(FaceAttribute.AGE, FaceAttribute.GENDER, FaceAttribute.EMOTION));
        // as the server runs it: faces with one ONNX Runtime thread per run, their tiles spread over the cores
        try (FaceAnalyzer analyzer = new FaceAnalyzer(store, ort.withIntraOpThreads(1)); ObjectDetection objects = new ObjectDetection(store, ort)) {
            List<String> used = new ArrayList<>();
            Function<BufferedImage, List<Box>> detect = image -> boxes(analyzer.analyze(image, detection).faces());
            Function<BufferedImage, List<Box>> read = image -> boxes(analyzer.analyze(image, attributes).faces());
            Function<BufferedImage, List<DetectedObject>> find = image -> objects.detect(image, ObjectOptions.defaults()).objects();
            try {
                analyzer.analyze(frames.get(0).image(), attributes).models().forEach(m -> used.add(m.id() + "@" + m.version()));
                objects.detect(frames.get(0).image(), ObjectOptions.defaults()).models().forEach(m -> used.add(m.id() + "@" + m.version()));
            } catch (Problem p) {
                throw new BenchException(p.detail());
            }
            setup.put("gureumModels", used);
            System.out.printf(Locale.ROOT, "  gureum:  %s; FaceOptions.detection() (min face %d px, min confidence %.2f), ObjectOptions.defaults()%n",
                    String.join(", ", used), detection.minFaceSize(), detection.minConfidence());

            FacePeer haar = noHaar ? null : openHaar(setup);
            try {
                System.out.println();
                for (Size size : BenchImages.SIZES) {
                    List<Frame> of = framesOf(frames, size);
                    Measured<Box> d = measure(GUREUM_DETECT, "gureum faces: detect", "faces", size, of, detect);
                    speeds.add(d.speed());
                    faceScores.add(score(GUREUM_DETECT, "gureum faces", size, of, d.firstPass()));
                    drawn.put(GUREUM_DETECT + size.label(), d.firstPass());
                    speeds.add(measure(GUREUM_ATTRIBUTES, "gureum faces: detect+age/gender/emotion", "faces", size, of, read).speed());
                    Measured<DetectedObject> o = measure(GUREUM_OBJECTS, "gureum objects: detect", "objects", size, of, find);
                    speeds.add(o.speed());
                    for (int i = 0; i < of.size(); i++) objectsFound.add(new ObjectsFound(of.get(i).name(), labels(o.firstPass().get(i))));
                    if (haar != null) {
                        Measured<Box> h = measure(HAAR, "opencv haar faces", "faces", size, of, haar::detect);
                        speeds.add(h.speed());
                        faceScores.add(score(HAAR, "opencv haar", size, of, h.firstPass()));
                        drawn.put(HAAR + size.label(), h.firstPass());
                    }
                }
            } finally {
                if (haar != null) haar.close();
            }
        }

        List<ModelRow> models = modelTable(store, setup);
        VisionReport report = new VisionReport(setup, speeds, faceScores, objectsFound, models, threads, tfjsLabel(setup));
        System.out.println();
        System.out.print(report.table());
        Path json = jsonFile != null ? jsonFile : HttpBench.benchJar().toAbsolutePath().getParent().resolve("vision-bench.json");
        Path parent = json.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report.toMap());
        System.out.println("\n  results written to " + json);
        if (imagesDir != null) saveImages(frames, drawn);
        return 0;
    }

    // ---------------------------------------------------------------- measuring

    /** A workload's speed and what it found in each frame on its first measured pass. */
    private record Measured<T>(Speed speed, List<List<T>> firstPass) {}

    /**
     * Warm-up passes over {@code frames} for {@link #warmUpSeconds} (at least one), then measured passes for
     * {@link #durationSeconds} (at least one), timing each call.
     */
    private <T> Measured<T> measure(String id, String label, String unit, Size size, List<Frame> frames,
                                    Function<BufferedImage, List<T>> call) {
        long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
        do {
            for (Frame f : frames) call.apply(f.image());
        } while (System.nanoTime() < warmUpEnd);

        List<List<T>> firstPass = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        long found = 0;
        long machineBefore = MachineCpu.busyNanos();
        long ownBefore = MachineCpu.processNanos();
        long start = System.nanoTime();
        long end = start + durationSeconds * 1_000_000_000L;
        for (int pass = 0; pass < MAX_PASSES && (pass == 0 || System.nanoTime() < end); pass++) {
            for (Frame f : frames) {
                long t0 = System.nanoTime();
                List<T> result = call.apply(f.image());
                millis.add((System.nanoTime() - t0) / 1e6);
                found += result.size();
                if (pass == 0) firstPass.add(result);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long machineAfter = MachineCpu.busyNanos();
        long ownAfter = MachineCpu.processNanos();
        double others = machineBefore < 0 || machineAfter < 0 || ownBefore < 0 || ownAfter < 0 ? Double.NaN
                : Math.max(0, (machineAfter - machineBefore) - (ownAfter - ownBefore)) / 1e9 / seconds; // tick vs exact accounting: clamp

        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Speed speed = new Speed(id, label, unit, size, sorted.length, seconds, found,
                VisionReport.percentile(sorted, 0.5), VisionReport.percentile(sorted, 0.9), others);
        System.out.printf(Locale.ROOT, "  %-40s %-9s %7.2f images/s  %7.2f %s/s  p50 %-8s p90 %-8s (%d images)%n", label, size.label(),
                speed.imagesPerSecond(), speed.foundPerSecond(), unit, VisionReport.ms(speed.p50Ms()), VisionReport.ms(speed.p90Ms()),
                speed.images());
        return new Measured<>(speed, firstPass);
    }

    private static FaceScore score(String id, String label, Size size, List<Frame> frames, List<List<Box>> detections) {
        List<FrameScore> scores = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) scores.add(FrameScore.of(frames.get(i), detections.get(i)));
        return new FaceScore(id, label, size, scores);
    }

    private static List<Box> boxes(List<Face> faces) {
        return faces.stream().map(Face::box).toList();
    }

    private static List<String> labels(List<DetectedObject> objects) {
        return objects.stream().map(o -> String.format(Locale.ROOT, "%s %.2f", o.label(), o.confidence())).toList();
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static List<Frame> framesOf(List<Frame> frames, Size size) {
        return frames.stream().filter(f -> f.size().equals(size)).toList();
    }

    // ---------------------------------------------------------------- peers

    /** The Haar peer from the bench-peers jar, or null (reported as skipped) when that jar is not built. */
    private FacePeer openHaar(Map<String, Object> setup) throws MalformedURLException {
        Path jar = peersJar != null ? peersJar : HttpBench.benchJar().toAbsolutePath().getParent().getParent()
                .resolveSibling("bench-peers").resolve("target").resolve("gureum-bench-peers.jar");
        if (!Files.isRegularFile(jar)) {
            String reason = "no " + jar + " (./gureum bench vision builds it: mvn -P bench-peers -pl bench-peers install)";
            setup.put("haar", Map.of("skipped", reason));
            System.out.println("  haar:    skipped: " + reason);
            return null;
        }
        // a loader of its own: the manifest's Class-Path brings the bytedeco jars in lib/ beside it
        ClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, VisionBench.class.getClassLoader());
        for (FacePeer.Provider provider : ServiceLoader.load(FacePeer.Provider.class, loader)) {
            if (!provider.id().equals(HAAR)) continue;
            FacePeer peer = provider.open(threads);
            Map<String, Object> haar = new LinkedHashMap<>();
            haar.put("name", peer.name());
            haar.putAll(peer.settings());
            setup.put("haar", haar);
            System.out.println("  haar:    " + peer.name() + ": " + VisionReport.describe(peer.settings()));
            return peer;
        }
        throw new BenchException(jar + " has no FacePeer provider '" + HAAR + "'");
    }

    /** Each model once in ONNX Runtime (1 thread, then --threads) and in the tfjs peer; rows for the report. */
    private List<ModelRow> modelTable(ModelStore store, Map<String, Object> setup) throws IOException {
        System.out.println();
        Map<String, InstalledModel> installed = new LinkedHashMap<>();
        List<TfjsPeer.Spec> specs = new ArrayList<>();
        for (ModelSpeed.Case c : ModelSpeed.CASES) {
            Optional<InstalledModel> model = ModelSpeed.installed(store, c.id());
            if (model.isEmpty()) continue;
            installed.put(c.id(), model.get());
            specs.add(new TfjsPeer.Spec(c.id(), ModelSpeed.tfjsModel(store, model.get()), c.shape()));
        }
        TfjsPeer peer = new TfjsPeer(node, nodeDir != null ? nodeDir : defaultNodeDir());
        String unavailable = noTfjs ? "--no-tfjs" : peer.unavailable();
        TfjsPeer.Outcome tfjs;
        if (unavailable != null) {
            tfjs = TfjsPeer.Outcome.skipped(unavailable);
        } else {
            System.out.printf(Locale.ROOT, "  tfjs:    timing %d models in Node (%d warm-up runs, up to %d runs or %.0f s each)...%n",
                    specs.size(), MODEL_WARM_UP, modelRuns, modelSeconds);
            tfjs = peer.run(specs, MODEL_WARM_UP, modelRuns, modelSeconds);
        }
        Map<String, Object> tfjsSetup = new LinkedHashMap<>();
        if (tfjs.skipped() != null) {
            tfjsSetup.put("skipped", tfjs.skipped());
            System.out.println("  tfjs:    skipped: " + tfjs.skipped());
        } else {
            tfjsSetup.put("tfjs", tfjs.tfjsVersion());
            tfjsSetup.put("backend", tfjs.backend());
            tfjsSetup.put("node", tfjs.nodeVersion());
        }
        setup.put("tfjs", tfjsSetup);

        List<ModelRow> rows = new ArrayList<>();
        for (ModelSpeed.Case c : ModelSpeed.CASES) {
            InstalledModel model = installed.get(c.id());
            if (model == null) {
                rows.add(new ModelRow(c.id(), c.shapeLabel(), null, null, null, "not installed: ./gureum models install " + c.id()));
                continue;
            }
            Timing one = ModelSpeed.timeOrt(model.onnxFile(), c.shape(), 1, MODEL_WARM_UP, modelRuns, modelSeconds);
            Timing all = threads > 1 ? ModelSpeed.timeOrt(model.onnxFile(), c.shape(), threads, MODEL_WARM_UP, modelRuns, modelSeconds) : null;
            Timing js = tfjs.timings().get(c.id());
            String note = tfjs.errors().get(c.id());
            rows.add(new ModelRow(c.id(), c.shapeLabel(), one, all, js, note == null ? null : "tfjs failed: " + note));
            System.out.printf(Locale.ROOT, "  %-15s ORT 1 thread %s%s%s%n", c.id(), VisionReport.ms(one.p50Ms()),
                    all == null ? "" : ", ORT " + threads + " threads " + VisionReport.ms(all.p50Ms()),
                    js == null ? "" : ", tfjs " + VisionReport.ms(js.p50Ms()));
        }
        return rows;
    }

    private static String tfjsLabel(Map<String, Object> setup) {
        Object tfjs = setup.get("tfjs");
        if (tfjs instanceof Map<?, ?> m && m.get("tfjs") != null) {
            return "@tensorflow/tfjs " + m.get("tfjs") + " (" + m.get("backend") + " backend, pure JS, one thread; Node " + m.get("node") + ")";
        }
        return null;
    }

    /** bench/node beside bench/target/gureum-bench.jar. */
    private static Path defaultNodeDir() {
        return HttpBench.benchJar().toAbsolutePath().getParent().resolveSibling("node");
    }

    // ---------------------------------------------------------------- pictures

    private void saveImages(List<Frame> frames, Map<String, List<List<Box>>> drawn) throws IOException {
        Files.createDirectories(imagesDir);
        for (Size size : BenchImages.SIZES) {
            List<Frame> of = framesOf(frames, size);
            for (int i = 0; i < of.size(); i++) {
                Frame f = of.get(i);
                BufferedImage copy = new BufferedImage(f.image().getWidth(), f.image().getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = copy.createGraphics();
                try {
                    g.drawImage(f.image(), 0, 0, null);
                    g.setStroke(new BasicStroke(2));
                    draw(g, Color.GREEN, f.faces());
                    List<List<Box>> gureum = drawn.get(GUREUM_DETECT + size.label());
                    if (gureum != null) draw(g, Color.RED, gureum.get(i));
                    List<List<Box>> haar = drawn.get(HAAR + size.label());
                    if (haar != null) draw(g, Color.BLUE, haar.get(i));
                } finally {
                    g.dispose();
                }
                ImageIO.write(copy, "png", imagesDir.resolve(f.name() + ".png").toFile());
            }
        }
        System.out.println("  frames written to " + imagesDir.toAbsolutePath() + " (green: ground truth, red: gureum, blue: Haar)");
    }

    private static void draw(Graphics2D g, Color color, List<Box> boxes) {
        g.setColor(color);
        for (Box b : boxes) g.drawRect((int) Math.round(b.x()), (int) Math.round(b.y()), (int) Math.round(b.width()), (int) Math.round(b.height()));
    }
}
