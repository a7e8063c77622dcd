package io.gureum.vision.ocr;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

/**
 * One OCR engine (e.g. {@code paddle}, {@code tesseract}). Engines are thread-safe: one that is not inside
 * (Tesseract) keeps an instance per thread or a pool.
 */
public interface OcrEngine extends AutoCloseable {
    /** The engine's name in requests ({@code engine=paddle}). */
    String name();

    /** ISO 639-1 codes (e.g. {@code en}, {@code ko}, {@code zh}) this engine can read with what is installed now. */
    Set<String> languages();

    /** Whether its models or data are installed here; {@link #read} of an engine that is not says how to install them. */
    default boolean installed() {
        return true;
    }

    /** Which models or data files it uses, for responses ({@code id@version} or a package and file). */
    String model();

    /**
     * Reads one page image (packed BGR) in the given languages, all of which are in {@link #languages()}.
     *
     * @param languages ISO 639-1 codes, the most likely first
     */
    OcrPage read(BufferedImage page, List<String> languages);

    @Override
    default void close() {}
}
