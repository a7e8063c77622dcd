package io.gureum.vision.ocr.tesseract;

import io.gureum.core.SharedData;
import io.gureum.vision.image.ImageDecoder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shared OCR test data ({@code shared/data/ocr}) and the installed traineddata, or a skip saying what is missing. */
final class SharedOcrData {
    private SharedOcrData() {}

    /** {@code shared/data/ocr} ({@link SharedData}), if present. */
    static Optional<Path> ocrRoot() {
        return SharedData.locate().map(d -> d.resolve("ocr")).filter(Files::isDirectory);
    }

    /** A folder under {@code shared/data/ocr}, or the test is skipped. */
    static Path require(String folder) {
        Optional<Path> dir = ocrRoot().map(root -> root.resolve(folder)).filter(Files::isDirectory);
        assumeTrue(dir.isPresent(), () -> "Skipping: ocr/" + folder + " not found under the shared data folder (set "
                + "GUREUM_SHARED_DATA to the folder holding 'ocr/', or keep the repository next to 'shared/data'; searched "
                + "upwards from " + Path.of("").toAbsolutePath() + ")");
        return dir.get();
    }

    /** Skips unless the engine's tessdata holds these traineddata. */
    static void requireTraineddata(TesseractOcr engine, String... codes) {
        for (String code : codes) {
            assumeTrue(Files.isRegularFile(engine.tessdata().resolve(code + ".traineddata")),
                    () -> "Skipping: " + code + ".traineddata is not in " + engine.tessdata() + " (install it with: "
                            + TesseractLanguages.installCommand(code) + ", or point TESSDATA_PREFIX at a folder holding it)");
        }
    }

    /** An image file decoded as the server decodes uploads (packed BGR). */
    static BufferedImage image(Path file) {
        try {
            return ImageDecoder.decode(Files.readAllBytes(file)).image();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
