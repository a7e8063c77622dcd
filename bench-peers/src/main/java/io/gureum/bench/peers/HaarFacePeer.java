package io.gureum.bench.peers;

import io.gureum.bench.FacePeer;
import io.gureum.vision.geometry.Box;
import io.gureum.vision.image.BgrImages;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenCV's Viola-Jones face detector as its own samples and most tutorials run it: the stock
 * {@code haarcascade_frontalface_default.xml} (shipped in the bytedeco natives jar), on the grayscale image after
 * {@code equalizeHist}, {@code detectMultiScale} with scale factor 1.1 (10% steps of the image pyramid) and 5
 * neighbours (the usual value for few false positives; OpenCV's default is 3), and the same 24 px smallest face
 * as Gureum's default {@code minFaceSize}. Every call's work is timed: BGR to a Mat, gray, equalise, detect.
 */
public final class HaarFacePeer implements FacePeer {
    static final String CASCADE = "haarcascade_frontalface_default.xml";
    static final double SCALE_FACTOR = 1.1;
    static final int MIN_NEIGHBORS = 5;
    static final int MIN_SIZE = 24;

    /** Found by {@link java.util.ServiceLoader}. */
    public static final class Provider implements FacePeer.Provider {
        @Override public String id() { return "haar"; }

        @Override public FacePeer open(int threads) { return new HaarFacePeer(threads); }
    }

    private final CascadeClassifier cascade;
    private final int threads;
    private final Path cascadeFile;

    HaarFacePeer(int threads) {
        opencv_core.setNumThreads(threads);
        this.threads = opencv_core.getNumThreads();
        this.cascadeFile = extractCascade();
        this.cascade = new CascadeClassifier(cascadeFile.toString());
        if (cascade.empty()) throw new IllegalStateException("OpenCV could not load " + cascadeFile);
    }

    /** The cascade is a resource of the natives jar; OpenCV reads only files. */
    private static Path extractCascade() {
        String resource = "org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/haarcascades/" + CASCADE;
        try (InputStream in = HaarFacePeer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("no " + resource + " on the class path (the OpenCV natives jar)");
            Path file = Files.createTempFile("gureum-bench-", "-" + CASCADE);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource, e);
        }
    }

    @Override
    public String name() {
        return "OpenCV " + opencv_core.CV_VERSION + " Haar cascade";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("cascade", CASCADE);
        s.put("preprocessing", "cvtColor BGR2GRAY + equalizeHist");
        s.put("scaleFactor", SCALE_FACTOR);
        s.put("minNeighbors", MIN_NEIGHBORS);
        s.put("minSize", MIN_SIZE + "x" + MIN_SIZE);
        s.put("threads", threads);
        s.put("natives", "org.bytedeco:opencv " + Loader.getPlatform());
        return s;
    }

    @Override
    public List<Box> detect(BufferedImage bgr) {
        byte[] pixels = BgrImages.pixels(bgr);
        try (Mat color = new Mat(bgr.getHeight(), bgr.getWidth(), opencv_core.CV_8UC3);
             Mat gray = new Mat();
             RectVector found = new RectVector();
             Size minSize = new Size(MIN_SIZE, MIN_SIZE);
             Size maxSize = new Size()) {
            color.data().put(pixels);
            opencv_imgproc.cvtColor(color, gray, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.equalizeHist(gray, gray);
            cascade.detectMultiScale(gray, found, SCALE_FACTOR, MIN_NEIGHBORS, 0, minSize, maxSize);
            List<Box> faces = new ArrayList<>((int) found.size());
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                faces.add(new Box(r.x(), r.y(), r.width(), r.height()));
            }
            return faces;
        }
    }

    @Override
    public void close() {
        cascade.close();
        try {
            Files.deleteIfExists(cascadeFile);
        } catch (IOException ignored) {
            // a temp file; the OS cleans it
        }
    }
}
