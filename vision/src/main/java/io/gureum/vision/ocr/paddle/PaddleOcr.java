package io.gureum.vision.ocr.paddle;

import io.gureum.runtime.models.ModelPack;
import io.gureum.runtime.models.ModelStore;
import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.vision.geometry.Point;
import io.gureum.vision.image.BgrImages;
import io.gureum.vision.ocr.OcrEngine;
import io.gureum.vision.ocr.OcrLine;
import io.gureum.vision.ocr.OcrPage;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code paddle} OCR engine: PaddleOCR's PP-OCR pipeline on ONNX Runtime, all of it in Java. DB finds
 * text regions, each is cut out as a 48-pixel-high strip, a classifier tells upright from upside-down strips,
 * and an SVTR recogniser reads them with CTC. A page turned a quarter (most regions taller than wide) or upside
 * down (the classifier's votes over all lines) is read upright and reported with its {@code rotation};
 * polygons are always in the page as given. Thread-safe: the sessions are shared, the rest is per call.
 */
public final class PaddleOcr implements OcrEngine {
    public static final String NAME = "paddle";
    /** The catalog task of the packs this engine loads ({@code pp-ocrv4}: detection, classifier, recogniser, dictionary). */
    public static final String TASK = "ocr-paddle";
    /** PaddleOCR's {@code det_limit_side_len}: pages are detected at most this long (never enlarged). */
    public static final int DEFAULT_DETECTION_LIMIT = 960;
    /** PaddleOCR's {@code cls_thresh}: a strip is turned only when the classifier is this sure. */
    private static final double FLIP_THRESHOLD = 0.9;
    /** PaddleOCR's {@code drop_score}: readings less confident than this are noise, not text. */
    private static final double DROP_SCORE = 0.5;
    /** PaddleOCR turns crops at least this much taller than wide a quarter before reading them. */
    private static final double TALL = 1.5;

    private final ModelStore store;
    private final OnnxModel.Options options;
    private final int detectionLimit;
    private volatile PpOcrModels models;

    public PaddleOcr(ModelStore store, OnnxModel.Options options) {
        this(store, options, DEFAULT_DETECTION_LIMIT);
    }

    /** @param detectionLimit longest side, in pixels, a page is scaled to for detection */
    public PaddleOcr(ModelStore store, OnnxModel.Options options, int detectionLimit) {
        this.store = Objects.requireNonNull(store, "store");
        this.options = Objects.requireNonNull(options, "options");
        if (detectionLimit < 32) throw new IllegalArgumentException("detectionLimit must be >= 32");
        this.detectionLimit = detectionLimit;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** PP-OCRv4's Chinese model reads Chinese and English (Latin letters, digits, punctuation). */
    @Override
    public Set<String> languages() {
        return Set.of("en", "zh");
    }

    @Override
    public String model() {
        PpOcrModels m = models;
        if (m != null) return m.ref;
        return store.catalog().defaultFor(TASK).map(ModelPack::ref).orElse(TASK);
    }

    /**
     * @throws io.gureum.core.Problem {@code model_not_installed} (503) when the pack is not installed
     */
    @Override
    public OcrPage read(BufferedImage image, List<String> languages) {
        BufferedImage given = BgrImages.toBgr(image);
        PpOcrModels m = models();
        // everything below works on the padded page; LineBuilder moves polygons back onto the page as given
        PagePadding padding = PagePadding.of(given);
        BufferedImage page = padding.padded();
        int w = page.getWidth(), h = page.getHeight();
        List<DbPostProcess.Region> regions = m.detector.detect(page);
        if (regions.isEmpty()) return new OcrPage(given.getWidth(), given.getHeight(), 0, List.of());

        PageFrame frame = new PageFrame(w, h, 0);
        List<Point[]> corners = new ArrayList<>();
        if (quarterTurned(regions)) {
            // DB finds sideways text only in part (lower scores, missed lines), so detect again on the page
            // turned upright; whether it is 90 or 270 the classifier tells below
            frame = new PageFrame(w, h, 90);
            for (DbPostProcess.Region r : m.detector.detect(frame.upright(page))) {
                Point[] c = r.corners();
                for (int i = 0; i < 4; i++) c[i] = frame.toPage(c[i]);
                corners.add(c);
            }
        } else {
            for (DbPostProcess.Region r : regions) corners.add(r.corners());
        }
        List<Strip> strips = new ArrayList<>();
        for (Point[] c : corners) {
            Quad q = frame.readingQuad(c);
            if (q.height() >= TALL * q.width()) q = q.turnedCounterClockwise();
            strips.add(Strip.cut(page, q));
        }
        double[] upsideDown = m.classifier.upsideDown(strips);
        if (mostlyUpsideDown(strips, upsideDown)) {
            frame = new PageFrame(w, h, frame.rotation() + 180);
            for (int i = 0; i < strips.size(); i++) {
                strips.set(i, strips.get(i).flipped());
                upsideDown[i] = 1 - upsideDown[i];
            }
        }
        List<TextRecognizer.Reading> readings = new ArrayList<>(m.recognizer.read(strips));
        rereadFlipped(m, strips, upsideDown, readings);
        if (languages == null || !languages.contains("zh")) readings.replaceAll(TextRecognizer.Reading::narrowed);
        record Read(Strip strip, OcrLine line) {}
        List<Read> lines = new ArrayList<>();
        for (int i = 0; i < strips.size(); i++) {
            TextRecognizer.Reading reading = readings.get(i);
            if (reading.confidence() < DROP_SCORE || reading.text().isBlank()) continue;
            lines.add(new Read(strips.get(i), LineBuilder.line(strips.get(i), reading, padding.border(),
                    given.getWidth(), given.getHeight())));
        }
        PageFrame upright = frame;
        List<OcrLine> ordered = ReadingOrder.sort(lines, r -> upright.toUpright(r.strip().quad()))
                .stream().map(Read::line).toList();
        return new OcrPage(given.getWidth(), given.getHeight(), frame.rotation(), ordered);
    }

    /**
     * Lines the classifier calls upside down against the page's majority. It does so now and then on upright
     * print (with 0.94 on a plain line of a magazine scan), so such a line is read both ways and the more
     * confident reading kept: a recogniser reading upside-down text is unsure of it.
     */
    private static void rereadFlipped(PpOcrModels m, List<Strip> strips, double[] upsideDown,
                                      List<TextRecognizer.Reading> readings) {
        List<Integer> doubtful = new ArrayList<>();
        List<Strip> flipped = new ArrayList<>();
        for (int i = 0; i < strips.size(); i++) {
            if (upsideDown[i] > FLIP_THRESHOLD) {
                doubtful.add(i);
                flipped.add(strips.get(i).flipped());
            }
        }
        if (doubtful.isEmpty()) return;
        List<TextRecognizer.Reading> other = m.recognizer.read(flipped);
        for (int k = 0; k < doubtful.size(); k++) {
            int i = doubtful.get(k);
            if (other.get(k).confidence() > readings.get(i).confidence()) {
                strips.set(i, flipped.get(k));
                readings.set(i, other.get(k));
            }
        }
    }

    /** Most text (by length) runs down the page rather than across it. */
    private static boolean quarterTurned(List<DbPostProcess.Region> regions) {
        double across = 0, down = 0;
        for (DbPostProcess.Region r : regions) {
            Point[] c = r.corners();
            double dx = Math.max(Math.abs(c[1].x() - c[0].x()), Math.abs(c[3].x() - c[0].x()));
            double dy = Math.max(Math.abs(c[1].y() - c[0].y()), Math.abs(c[3].y() - c[0].y()));
            // regions near square (single characters) say nothing about direction
            if (dy >= TALL * dx) down += dy;
            else if (dx >= TALL * dy) across += dx;
        }
        return down > across;
    }

    /** The classifier's vote over all strips, each weighted by its length (long lines are the surer). */
    private static boolean mostlyUpsideDown(List<Strip> strips, double[] upsideDown) {
        double vote = 0;
        for (int i = 0; i < strips.size(); i++) {
            double weight = Math.min(20, (double) strips.get(i).width() / Strip.HEIGHT);
            vote += weight * (2 * upsideDown[i] - 1);
        }
        return vote > 0;
    }

    /** Loads the pack on first use; a failure (not installed) is not remembered, so a later install is picked up. */
    private PpOcrModels models() {
        PpOcrModels m = models;
        if (m != null) return m;
        synchronized (this) {
            if (models == null) models = new PpOcrModels(store.resolve(TASK, Optional.empty()), options, detectionLimit);
            return models;
        }
    }

    @Override
    public synchronized void close() {
        if (models != null) models.close();
        models = null;
    }
}
