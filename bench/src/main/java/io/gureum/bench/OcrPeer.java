package io.gureum.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OCR engine other than Gureum's that {@code gureum bench ocr} times and scores on the same pages: the
 * {@code tesseract} command line ({@link TesseractCli}), and peers in the {@code bench-peers} module (RapidOCR's
 * natives and models are too large for the default build), which the bench opens in a class loader of its own and
 * finds through {@link java.util.ServiceLoader} ({@code META-INF/services/io.gureum.bench.OcrPeer$Provider}).
 *
 * <p>A peer reads the page's file, as it would be used: decoding the image is part of its time.
 */
public interface OcrPeer extends AutoCloseable {

    /** What the service loader finds: one per engine. */
    interface Provider {
        /** A short id for the report and JSON, e.g. {@code rapidocr}. */
        String id();

        /** Loads the engine, with at most {@code threads} threads for one page. */
        OcrPeer open(int threads);
    }

    /** What the report calls it, with the library version, e.g. {@code RapidOCR Java 0.0.7}. */
    String name();

    /** The parameters and models it runs with, for the report and JSON. */
    Map<String, Object> settings();

    /** ISO 639-1 codes of what it reads ({@code en}, {@code ko}). */
    Set<String> languages();

    /**
     * The text on the image in {@code file} (a page, or one text line when {@code textLine}), lines separated by
     * {@code \n}. Called from one thread at a time.
     *
     * @param languages ISO 639-1 codes, all in {@link #languages()}
     */
    String read(Path file, List<String> languages, boolean textLine);

    @Override
    void close();
}
