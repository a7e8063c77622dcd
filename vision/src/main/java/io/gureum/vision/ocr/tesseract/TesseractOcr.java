package io.gureum.vision.ocr.tesseract;

import io.gureum.core.Problem;
import io.gureum.vision.geometry.Point;
import io.gureum.vision.image.BgrImages;
import io.gureum.vision.ocr.OcrEngine;
import io.gureum.vision.ocr.OcrLine;
import io.gureum.vision.ocr.OcrPage;
import io.gureum.vision.ocr.OcrWord;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.bytedeco.tesseract.global.tesseract.OEM_DEFAULT;
import static org.bytedeco.tesseract.global.tesseract.PSM_AUTO;
import static org.bytedeco.tesseract.global.tesseract.PSM_OSD_ONLY;
import static org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_LINE;
import static org.bytedeco.tesseract.global.tesseract.RIL_TEXTLINE;
import static org.bytedeco.tesseract.global.tesseract.RIL_WORD;
import static org.bytedeco.tesseract.global.tesseract.TessDeleteText;
import static org.bytedeco.tesseract.global.tesseract.TessResultIteratorDelete;

/**
 * The {@code tesseract} OCR engine: Tesseract 5.5 (LSTM) in process through JavaCPP's presets
 * ({@code org.bytedeco:tesseract}, Linux x86-64 natives), reading the traineddata that Debian's
 * {@code tesseract-ocr-<lang>} packages install ({@code /usr/share/tesseract-ocr/5/tessdata}).
 *
 * <p><b>Instances.</b> Tesseract's {@code TessBaseAPI} is not thread-safe and its {@code Init} (loading the
 * traineddata) is slow, so the engine keeps a pool of initialised instances per language combination
 * ({@code kor+eng}); a read borrows one, so concurrent reads each get their own and instances are re-used.
 * At most {@link #maxIdlePerLanguages} idle instances are kept per combination.
 *
 * <p><b>Threads.</b> Tesseract's advice for throughput is one page per thread with OpenMP limited to one thread
 * per instance ({@code OMP_THREAD_LIMIT=1}). JavaCPP's build does not use OpenMP at all: neither
 * {@code libtesseract.so.5.5} nor {@code libleptonica.so.6} links {@code libgomp} or calls {@code GOMP_*} (the
 * leptonica jar ships a {@code libgomp.so.1} that its preset preloads, unused). Each read therefore runs on the
 * caller's thread alone and {@code OMP_THREAD_LIMIT} changes nothing; parallelism comes from reading pages on
 * several threads. (Debian's {@code tesseract} CLI is built with OpenMP; set {@code OMP_THREAD_LIMIT=1} when
 * comparing timings with it.)
 *
 * <p><b>Page segmentation.</b> {@link Layout#AUTO} (what {@link #read(BufferedImage, List)} uses) reads an image
 * shaped like one line of text ({@link #looksLikeOneLine}: at least 3 times as wide as high and at most 160 pixels
 * high) with Tesseract's {@code PSM_SINGLE_LINE} and anything else with {@code PSM_AUTO} (layout analysis, no OSD),
 * as the CLI does by default. Layout analysis on a tight crop of one line often finds no text or splits it, while
 * single-line mode on a real page reads garbage, so callers that know better say so with {@link Layout}.
 *
 * <p><b>Orientation.</b> For pages (not single lines), when {@code osd.traineddata} is installed, the engine first
 * asks Tesseract's orientation detection ({@code DetectOrientationScript}) how far the text is turned; when it is
 * sure enough (a margin of at least {@link #MIN_ORIENTATION_CONFIDENCE} over the next orientation, Tesseract's own
 * {@code min_orientation_margin}) the page is turned upright before recognition, {@link OcrPage#rotation()} says how
 * far it was turned, and the polygons are mapped back onto the page as given.
 *
 * <p>Pixels go to Tesseract as they are (BGR reordered to RGB, no other processing), so results match the
 * {@code tesseract} command on the same image with the same traineddata; Tesseract binarises them itself.
 * Confidences are Tesseract's 0-100 divided by 100.
 */
public final class TesseractOcr implements OcrEngine {
    public static final String NAME = "tesseract";

    /** Where distributions put traineddata: Debian 12 / Ubuntu 24.04 (Tesseract 5), older Debian, Fedora/Arch, source builds. */
    public static final List<Path> STANDARD_TESSDATA = List.of(
            Path.of("/usr/share/tesseract-ocr/5/tessdata"),
            Path.of("/usr/share/tesseract-ocr/4.00/tessdata"),
            Path.of("/usr/share/tessdata"),
            Path.of("/usr/local/share/tessdata"));

    /** Tesseract's {@code min_orientation_margin}: how much surer than the next orientation OSD must be to turn a page. */
    public static final double MIN_ORIENTATION_CONFIDENCE = 7.0;

    private static final String OSD = "osd";
    /** The pool key of orientation detection instances; no language combination looks like it. */
    private static final String OSD_POOL = "(osd)";

    /** How the page is segmented. */
    public enum Layout {
        /** {@link #SINGLE_LINE} for images shaped like one line of text ({@link #looksLikeOneLine}), else {@link #PAGE}. */
        AUTO,
        /** Tesseract's automatic layout analysis ({@code PSM_AUTO}), after orientation detection. */
        PAGE,
        /** The image is one line of text ({@code PSM_SINGLE_LINE}); no orientation detection. */
        SINGLE_LINE
    }

    private static final Object CREATE_LOCK = new Object();
    private static boolean quieted; // guarded by CREATE_LOCK
    private static String nativeVersion; // guarded by the class
    private static String nativeFailure; // guarded by the class

    private final Path tessdata;
    private final int maxIdlePerLanguages;
    private final boolean detectOrientation;
    private final Map<String, Deque<TessBaseAPI>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Traineddata from {@link #locateTessdata()}, orientation detection on. */
    public TesseractOcr() {
        this(locateTessdata());
    }

    /** @param tessdata the folder holding {@code <lang>.traineddata} (it need not exist: then nothing is installed) */
    public TesseractOcr(Path tessdata) {
        this(tessdata, true, Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * @param tessdata            the folder holding {@code <lang>.traineddata}
     * @param detectOrientation   whether pages go through orientation detection (when {@code osd.traineddata} is there)
     * @param maxIdlePerLanguages how many initialised instances to keep per language combination between reads
     */
    public TesseractOcr(Path tessdata, boolean detectOrientation, int maxIdlePerLanguages) {
        if (maxIdlePerLanguages < 1) throw new IllegalArgumentException("maxIdlePerLanguages must be at least 1");
        this.tessdata = tessdata.toAbsolutePath().normalize();
        this.detectOrientation = detectOrientation;
        this.maxIdlePerLanguages = maxIdlePerLanguages;
    }

    /**
     * The traineddata folder: {@code TESSDATA_PREFIX} when set (the folder itself as Tesseract 5 reads it, or one
     * with a {@code tessdata/} folder inside as Tesseract 3 did), else the first of {@link #STANDARD_TESSDATA} that
     * holds a traineddata, else Debian's (which then reports everything as not installed).
     */
    public static Path locateTessdata() {
        String prefix = System.getenv("TESSDATA_PREFIX");
        if (prefix != null && !prefix.isBlank()) {
            Path dir = Path.of(prefix.strip());
            Path nested = dir.resolve("tessdata");
            return !hasTraineddata(dir) && hasTraineddata(nested) ? nested : dir;
        }
        return STANDARD_TESSDATA.stream().filter(TesseractOcr::hasTraineddata).findFirst().orElse(STANDARD_TESSDATA.get(0));
    }

    private static boolean hasTraineddata(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".traineddata"));
        } catch (IOException e) {
            return false;
        }
    }

    public Path tessdata() {
        return tessdata;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The installed traineddata's codes as Tesseract names them (not {@code osd}), sorted. */
    public Set<String> tesseractLanguages() {
        Set<String> codes = new TreeSet<>();
        if (!Files.isDirectory(tessdata)) return codes;
        try (Stream<Path> files = Files.list(tessdata)) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".traineddata"))
                    .map(n -> n.substring(0, n.length() - ".traineddata".length()))
                    .filter(c -> !TesseractLanguages.NOT_LANGUAGES.contains(c))
                    .forEach(codes::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + tessdata, e);
        }
        return codes;
    }

    @Override
    public Set<String> languages() {
        return tesseractLanguages().stream().map(TesseractLanguages::isoCode).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Some traineddata is installed and the natives load on this machine (the build ships Linux x86-64's only). */
    @Override
    public boolean installed() {
        return !tesseractLanguages().isEmpty() && nativeVersion().isPresent();
    }

    /** Whether orientation detection can run ({@code osd.traineddata} is installed). */
    public boolean orientationDetection() {
        return detectOrientation && Files.isRegularFile(traineddata(OSD));
    }

    /** e.g. {@code tesseract 5.5.2 (eng, kor, osd from Debian tesseract-ocr-*)}. */
    @Override
    public String model() {
        List<String> data = new ArrayList<>(tesseractLanguages());
        if (Files.isRegularFile(traineddata(OSD))) data.add(OSD);
        String from = tessdata.startsWith("/usr/share/tesseract-ocr") ? "from Debian tesseract-ocr-*" : "from " + tessdata;
        return "tesseract " + version() + " (" + (data.isEmpty() ? "no traineddata" : String.join(", ", data)) + " " + from + ")";
    }

    /** Tesseract's version, e.g. {@code 5.5.2}, or why its natives do not load here. */
    public String version() {
        return nativeVersion().orElseGet(() -> "(natives not loadable on " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ": " + nativeFailure + ")");
    }

    /** Loads the natives once; empty when they cannot load (another OS or architecture than the build's). */
    private static synchronized Optional<String> nativeVersion() {
        if (nativeVersion == null && nativeFailure == null) {
            try {
                nativeVersion = TessBaseAPI.Version().getString();
            } catch (LinkageError | RuntimeException e) { // UnsatisfiedLinkError, or JavaCPP failing to extract them
                nativeFailure = e.toString();
            }
        }
        return Optional.ofNullable(nativeVersion);
    }

    @Override
    public OcrPage read(BufferedImage page, List<String> languages) {
        return read(page, languages, Layout.AUTO);
    }

    /**
     * Reads one page.
     *
     * @param page      the page (packed BGR; another type is converted)
     * @param languages ISO 639-1 codes (or Tesseract's own, e.g. {@code chi_sim}), the most likely first; empty
     *                  reads English
     * @throws Problem 503 {@code model_not_installed} naming the Debian packages to install when a language's
     *                 traineddata is missing; 422 {@code unsupported_language} for a code that names no language
     */
    public OcrPage read(BufferedImage page, List<String> languages, Layout layout) {
        if (closed) throw new IllegalStateException("The tesseract engine is closed");
        String lang = tesseractLanguageString(languages);
        if (nativeVersion().isEmpty()) throw new IllegalStateException("The tesseract engine cannot run here: " + version());
        BufferedImage bgr = BgrImages.toBgr(page);
        int width = bgr.getWidth();
        int height = bgr.getHeight();
        byte[] rgb = bgrToRgb(BgrImages.pixels(bgr));

        boolean singleLine = layout == Layout.SINGLE_LINE || (layout == Layout.AUTO && looksLikeOneLine(width, height));
        int rotation = !singleLine && orientationDetection() ? detectRotation(rgb, width, height) : 0;
        int uprightWidth = rotation % 180 == 0 ? width : height;
        int uprightHeight = rotation % 180 == 0 ? height : width;
        byte[] upright = rotation == 0 ? rgb : rotateClockwise(rgb, width, height, (360 - rotation) % 360);

        List<OcrLine> lines = recognise(lang, upright, uprightWidth, uprightHeight, singleLine ? PSM_SINGLE_LINE : PSM_AUTO);
        if (rotation != 0) lines = toPage(lines, rotation, width, height);
        return new OcrPage(width, height, rotation, lines);
    }

    /**
     * Whether {@link Layout#AUTO} reads an image as one line: at least 3 times as wide as high and at most
     * 160 pixels high (a line of 12 pt text is about 50 pixels high at 300 dpi; two such lines with their spacing
     * are over 100, and pages are far higher than that and seldom 3 times as wide).
     */
    public static boolean looksLikeOneLine(int width, int height) {
        return height <= 160 && width >= 3 * height;
    }

    /** {@code kor+eng} for {@code [ko, en]}; checks that each traineddata is installed. */
    String tesseractLanguageString(List<String> languages) {
        List<String> requested = languages == null || languages.isEmpty() ? List.of("en") : languages;
        Set<String> codes = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (String language : requested) {
            Optional<String> code = TesseractLanguages.tesseractCode(language)
                    .filter(c -> !TesseractLanguages.NOT_LANGUAGES.contains(c));
            if (code.isEmpty()) {
                throw new Problem(422, "unsupported_language", "Unsupported language",
                        "Tesseract has no language '" + language + "'. Installed: " + languages()
                                + ". Others install as Debian packages, e.g. sudo apt-get install -y tesseract-ocr-jpn.");
            }
            if (!codes.add(code.get())) continue;
            if (!Files.isRegularFile(traineddata(code.get()))) missing.add(code.get());
        }
        if (!missing.isEmpty()) {
            String packages = missing.stream().map(TesseractLanguages::debianPackage).collect(Collectors.joining(" "));
            // e.g. model 'tesseract/kor', installCommand 'sudo apt-get install -y tesseract-ocr-kor'
            throw Problem.modelNotInstalled(NAME + "/" + String.join("+", missing), "sudo apt-get install -y " + packages);
        }
        return String.join("+", codes);
    }

    private Path traineddata(String code) {
        return tessdata.resolve(code + ".traineddata");
    }

    // ---- recognition --------------------------------------------------------------------------------------

    private List<OcrLine> recognise(String lang, byte[] rgb, int width, int height, int psm) {
        TessBaseAPI api = acquire(lang);
        try {
            api.SetPageSegMode(psm);
            api.SetImage(rgb, width, height, 3, 3 * width);
            if (api.Recognize(null) != 0) throw new IllegalStateException("Tesseract could not recognise the page");
            return lines(api);
        } finally {
            api.Clear();
            release(lang, api);
        }
    }

    /** Lines and words in Tesseract's reading order, from its result iterator. */
    private static List<OcrLine> lines(TessBaseAPI api) {
        List<OcrLine> lines = new ArrayList<>();
        ResultIterator it = api.GetIterator();
        if (it == null) return lines;
        try {
            int[] l = new int[1], t = new int[1], r = new int[1], b = new int[1];
            String lineText = null;
            List<Point> linePolygon = null;
            double lineConfidence = 0;
            List<OcrWord> words = null;
            it.Begin();
            do {
                if (it.Empty(RIL_WORD)) continue;
                if (words == null || it.IsAtBeginningOf(RIL_TEXTLINE)) {
                    addLine(lines, lineText, linePolygon, lineConfidence, words);
                    lineText = text(it, RIL_TEXTLINE);
                    linePolygon = it.BoundingBox(RIL_TEXTLINE, l, t, r, b) ? box(l[0], t[0], r[0], b[0]) : null;
                    lineConfidence = confidence(it.Confidence(RIL_TEXTLINE));
                    words = new ArrayList<>();
                }
                String word = text(it, RIL_WORD);
                if (!word.isEmpty() && it.BoundingBox(RIL_WORD, l, t, r, b)) {
                    words.add(new OcrWord(word, box(l[0], t[0], r[0], b[0]), confidence(it.Confidence(RIL_WORD))));
                }
            } while (it.Next(RIL_WORD));
            addLine(lines, lineText, linePolygon, lineConfidence, words);
        } finally {
            TessResultIteratorDelete(it);
        }
        return lines;
    }

    private static void addLine(List<OcrLine> lines, String text, List<Point> polygon, double confidence, List<OcrWord> words) {
        if (words == null || words.isEmpty() || polygon == null) return;
        if (text == null || text.isEmpty()) text = words.stream().map(OcrWord::text).collect(Collectors.joining(" "));
        lines.add(new OcrLine(text, polygon, confidence, List.copyOf(words)));
    }

    private static String text(ResultIterator it, int level) {
        BytePointer p = it.GetUTF8Text(level);
        if (p == null || p.isNull()) return "";
        try {
            return p.getString(StandardCharsets.UTF_8).strip();
        } finally {
            TessDeleteText(p);
        }
    }

    private static double confidence(float tesseract) {
        return Math.max(0, Math.min(1, tesseract / 100.0));
    }

    /** A box's four corners, clockwise from the top-left. */
    private static List<Point> box(int left, int top, int right, int bottom) {
        return List.of(new Point(left, top), new Point(right, top), new Point(right, bottom), new Point(left, bottom));
    }

    // ---- orientation --------------------------------------------------------------------------------------

    /** How far the page's text is turned clockwise (0, 90, 180, 270), 0 when OSD is unsure or finds too little text. */
    private int detectRotation(byte[] rgb, int width, int height) {
        TessBaseAPI api = acquire(OSD_POOL);
        try {
            api.SetPageSegMode(PSM_OSD_ONLY);
            api.SetImage(rgb, width, height, 3, 3 * width);
            int[] degrees = new int[1];
            float[] confidence = new float[1];
            float[] scriptConfidence = new float[1];
            // orient_deg: the clockwise rotation of the input (0, 90, 180, 270); the CLI's "Rotate" is 360 minus it
            if (!api.DetectOrientationScript(degrees, confidence, (byte[]) null, scriptConfidence)) return 0;
            int d = ((degrees[0] % 360) + 360) % 360;
            return confidence[0] >= MIN_ORIENTATION_CONFIDENCE && d % 90 == 0 ? d : 0;
        } finally {
            api.Clear();
            release(OSD_POOL, api);
        }
    }

    /** Lines read on the upright page, mapped back onto the page as given (its text turned {@code rotation} clockwise). */
    static List<OcrLine> toPage(List<OcrLine> lines, int rotation, int width, int height) {
        List<OcrLine> mapped = new ArrayList<>(lines.size());
        for (OcrLine line : lines) {
            List<OcrWord> words = new ArrayList<>(line.words().size());
            for (OcrWord w : line.words()) words.add(new OcrWord(w.text(), polygonToPage(w.polygon(), rotation, width, height), w.confidence()));
            mapped.add(new OcrLine(line.text(), polygonToPage(line.polygon(), rotation, width, height), line.confidence(), List.copyOf(words)));
        }
        return mapped;
    }

    /**
     * Points on the upright page turned {@code rotation} degrees clockwise onto the page as given (width x height).
     * Turning keeps the order of the corners, so a polygon stays clockwise from the top-left of its text as read.
     */
    static List<Point> polygonToPage(List<Point> polygon, int rotation, int width, int height) {
        List<Point> mapped = new ArrayList<>(polygon.size());
        for (Point p : polygon) {
            mapped.add(switch (rotation) {
                case 0 -> p;
                case 90 -> new Point(width - p.y(), p.x());
                case 180 -> new Point(width - p.x(), height - p.y());
                case 270 -> new Point(p.y(), height - p.x());
                default -> throw new IllegalArgumentException("rotation " + rotation);
            });
        }
        return List.copyOf(mapped);
    }

    // ---- pixels -------------------------------------------------------------------------------------------

    /** B,G,R,... as R,G,B,... (Tesseract reads 3-byte pixels as RGB). */
    static byte[] bgrToRgb(byte[] bgr) {
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i + 2 < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        return rgb;
    }

    /** 3-byte pixels of a width x height image turned {@code degrees} (0, 90, 180, 270) clockwise. */
    static byte[] rotateClockwise(byte[] src, int width, int height, int degrees) {
        if (degrees == 0) return src;
        byte[] dst = new byte[src.length];
        int dstWidth = degrees == 180 ? width : height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int dx, dy;
                switch (degrees) {
                    case 90 -> { dx = height - 1 - y; dy = x; }
                    case 180 -> { dx = width - 1 - x; dy = height - 1 - y; }
                    case 270 -> { dx = y; dy = width - 1 - x; }
                    default -> throw new IllegalArgumentException("degrees " + degrees);
                }
                int s = 3 * (y * width + x);
                int d = 3 * (dy * dstWidth + dx);
                dst[d] = src[s];
                dst[d + 1] = src[s + 1];
                dst[d + 2] = src[s + 2];
            }
        }
        return dst;
    }

    // ---- instances ----------------------------------------------------------------------------------------

    private TessBaseAPI acquire(String key) {
        TessBaseAPI api = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).pollFirst();
        return api != null ? api : create(key);
    }

    private void release(String key, TessBaseAPI api) {
        Deque<TessBaseAPI> pool = idle.get(key);
        if (closed || pool == null || pool.size() >= maxIdlePerLanguages) {
            end(api);
            return;
        }
        pool.offerFirst(api);
        if (closed) drain(pool); // close() ran while this read was finishing
    }

    /**
     * A new initialised instance. Creation is serialised across engines: {@code debug_file} is one of Tesseract's
     * process-wide parameters, so it is set once, by the first instance, before any instance reads a page, and
     * never written again while other threads may be printing through it.
     */
    private TessBaseAPI create(String key) {
        String lang = key.equals(OSD_POOL) ? OSD : key;
        synchronized (CREATE_LOCK) {
            TessBaseAPI api = new TessBaseAPI();
            if (api.Init(tessdata.toString(), lang, OEM_DEFAULT) != 0) {
                end(api);
                throw new IllegalStateException("Tesseract could not load '" + lang + "' from " + tessdata
                        + " (is a traineddata file damaged or from an older Tesseract?)");
            }
            if (!quieted) {
                // Tesseract's diagnostics ("Estimating resolution as ...") go to stderr unless sent elsewhere
                api.SetVariable("debug_file", "/dev/null");
                quieted = true;
            }
            return api;
        }
    }

    private static void end(TessBaseAPI api) {
        api.End();
        api.close();
    }

    private static void drain(Deque<TessBaseAPI> pool) {
        for (TessBaseAPI api; (api = pool.pollFirst()) != null; ) end(api);
    }

    /** Ends the idle instances; those in use end when their read finishes. */
    @Override
    public void close() {
        closed = true;
        idle.values().forEach(TesseractOcr::drain);
    }
}
