package io.gureum.bench;

import io.gureum.vision.geometry.Box;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * A face detector that {@code gureum bench vision} times and scores beside Gureum's, on the same images in the
 * same JVM. Implementations live in the {@code bench-peers} module (OpenCV's natives are too large for the
 * default build), which the bench opens in a class loader of its own and finds through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.gureum.bench.FacePeer$Provider}).
 */
public interface FacePeer extends AutoCloseable {

    /** What the service loader finds: one per detector. */
    interface Provider {
        /** A short id for the report and JSON, e.g. {@code haar}. */
        String id();

        /** Loads the detector, with at most {@code threads} threads for one image. */
        FacePeer open(int threads);
    }

    /** What the report calls it, with the library version, e.g. {@code OpenCV 4.13.0 Haar cascade}. */
    String name();

    /** The parameters it runs with, for the report and JSON. */
    Map<String, Object> settings();

    /** The faces in a packed BGR image ({@code TYPE_3BYTE_BGR}), in its pixels. Called from one thread at a time. */
    List<Box> detect(BufferedImage bgr);

    @Override
    void close();
}
