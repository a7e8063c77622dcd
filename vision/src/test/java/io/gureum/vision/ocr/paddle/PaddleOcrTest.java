package io.gureum.vision.ocr.paddle;

import io.gureum.core.Problem;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelStore;
import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.core.SharedData;
import io.gureum.vision.VisionModels;
import io.gureum.vision.geometry.Point;
import io.gureum.vision.image.ImageDecoder;
import io.gureum.vision.ocr.OcrLine;
import io.gureum.vision.ocr.OcrPage;
import io.gureum.vision.ocr.OcrWord;
import io.gureum.core.TextDistance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The paddle engine on real pages with the real PP-OCRv4 pack: Tesseract's English test scans and the synthetic
 * English lines of the shared data ({@code GUREUM_SHARED_DATA}, else {@code ../shared/data}); these tests skip
 * when it is absent. Floors are the measured figures with a small margin; the Tesseract 5 CLI
 * ({@code tesseract FILE stdout}) measured on the same pages is in the comments for comparison.
 */
class PaddleOcrTest {
    private static final String SCANS = "ocr/eng_scans";
    private static PaddleOcr ocr;

    @BeforeAll
    static void load() {
        VisionModels.install("pp-ocrv4");
        ocr = new PaddleOcr(VisionModels.store(), OnnxModel.Options.defaults());
    }

    @AfterAll
    static void close() {
        if (ocr != null) ocr.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // page,            CER max, WER max   (measured CER / WER; Tesseract CLI CER / WER)
            "phototest.tif,     0.01,    0.03",   // 0.0035 / 0.0167;   0.0000 / 0.0000
            "eurotext.tif,      0.035,   0.14",   // 0.0243 / 0.1212;   0.0218 / 0.1061 (accents: not in the zh/en dictionary)
            "8071_093.3B.tif,   0.07,    0.09",   // 0.0612 / 0.0772;   0.0939 / 0.1420 (three columns)
            "8087_054.3B.tif,   0.08,    0.12",   // 0.0715 / 0.1033;   0.0777 / 0.1446 (columns round a photo)
    })
    void readsEnglishScans(String file, double maxCer, double maxWer) {
        BufferedImage image = decode(scans().resolve(file));
        long start = System.nanoTime();
        OcrPage page = ocr.read(image, List.of("en"));
        double seconds = (System.nanoTime() - start) / 1e9;
        String truth = read(scans().resolve(file.replaceAll("\\.[a-z]+$", ".txt")));
        double cer = TextDistance.characterErrorRate(truth, page.text());
        double wer = TextDistance.wordErrorRate(truth, page.text());
        System.out.printf("paddle %-16s %4dx%-4d lines %3d  CER %.4f  WER %.4f  %.2f s%n",
                file, page.width(), page.height(), page.lines().size(), cer, wer, seconds);
        assertThat(page.rotation()).isZero();
        assertThat(cer).as("CER of " + file).isLessThanOrEqualTo(maxCer);
        assertThat(wer).as("WER of " + file).isLessThanOrEqualTo(maxWer);
        assertPolygonsInside(page);
    }

    @ParameterizedTest(name = "{0} turned {1}")
    @CsvSource({"phototest-rotated-R.png, 90", "phototest-rotated-180.png, 180", "phototest-rotated-L.png, 270"})
    void readsTurnedPagesUpright(String file, int rotation) {
        OcrPage upright = ocr.read(decode(scans().resolve("phototest.tif")), List.of("en"));
        OcrPage turned = ocr.read(decode(scans().resolve(file)), List.of("en"));
        double cer = TextDistance.characterErrorRate(upright.text(), turned.text());
        System.out.printf("paddle %-26s rotation %3d  CER vs upright %.4f%n", file, turned.rotation(), cer);
        assertThat(turned.rotation()).isEqualTo(rotation);
        assertThat(cer).isLessThanOrEqualTo(0.01);
        assertPolygonsInside(turned);
        // the first line's polygon starts where its text starts: top-left of the text as read, on the page as given
        Point start = turned.lines().get(0).polygon().get(0);
        Point expected = switch (rotation) {
            case 90 -> new Point(turned.width(), 0);
            case 180 -> new Point(turned.width(), turned.height());
            default -> new Point(0, turned.height());
        };
        assertThat(start.distanceTo(expected)).isLessThan(start.distanceTo(new Point(turned.width() - expected.x(),
                turned.height() - expected.y())));
    }

    @Test
    void wordsSplitTheLineInOrderAlongIt() {
        OcrPage page = ocr.read(decode(scans().resolve("phototest.tif")), List.of("en"));
        OcrLine first = page.lines().get(0);
        assertThat(first.text()).isEqualTo("This is a lot of 12 point text to test the");
        assertThat(first.words()).extracting(OcrWord::text)
                .containsExactly("This", "is", "a", "lot", "of", "12", "point", "text", "to", "test", "the");
        double previousRight = -1;
        for (OcrWord w : first.words()) {
            double left = w.polygon().get(0).x(), right = w.polygon().get(1).x();
            assertThat(left).isGreaterThanOrEqualTo(previousRight - 2).isLessThan(right);
            assertThat(w.confidence()).isBetween(0.5, 1.0);
            previousRight = right;
        }
        // the line's box holds its words
        assertThat(first.words().get(0).polygon().get(0).x()).isCloseTo(first.polygon().get(0).x(), org.assertj.core.data.Offset.offset(25.0));
        assertThat(page.lines()).allSatisfy(l -> assertThat(l.confidence()).isBetween(0.5, 1.0));
    }

    @Test
    void readsSyntheticLines() {
        Path dir = data().resolve("ocr/eng_synthetic_lines");
        List<String[]> rows = new ArrayList<>();
        for (String line : read(dir.resolve("gt.tsv")).split("\n")) {
            String[] cols = line.split("\t", 2);
            if (cols.length == 2) rows.add(cols);
        }
        // every third line keeps the test short; the mean over all 929 is in the comment below
        double sum = 0;
        int n = 0;
        long start = System.nanoTime();
        for (int i = 0; i < rows.size(); i += 3, n++) {
            OcrPage page = ocr.read(decode(dir.resolve(rows.get(i)[0])), List.of("en"));
            sum += TextDistance.characterErrorRate(rows.get(i)[1], page.text());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("paddle eng_synthetic_lines: %d lines, mean CER %.4f, %.3f s/line%n", n, sum / n, seconds / n);
        assertThat(sum / n).isLessThanOrEqualTo(0.03); // measured 0.0214 (every third line; 0.0236 over all 929)
    }

    @Test
    void notInstalledIsA503WithTheInstallCommand(@TempDir Path empty) {
        try (PaddleOcr missing = new PaddleOcr(new ModelStore(empty, ModelCatalog.builtIn()), OnnxModel.Options.defaults())) {
            assertThat(missing.model()).isEqualTo("pp-ocrv4@1.4.2");
            assertThat(missing.languages()).containsExactlyInAnyOrder("en", "zh");
            assertThatThrownBy(() -> missing.read(io.gureum.vision.image.BgrImages.create(64, 32), List.of("en")))
                    .isInstanceOfSatisfying(Problem.class, p -> {
                        assertThat(p.status()).isEqualTo(503);
                        assertThat(p.code()).isEqualTo("model_not_installed");
                        assertThat(p.detail()).contains("pp-ocrv4");
                    });
        }
    }

    @Test
    void blankPageHasNoLines() {
        BufferedImage white = io.gureum.vision.image.BgrImages.create(300, 200);
        io.gureum.vision.image.BgrImages.fill(io.gureum.vision.image.BgrImages.pixels(white), 0, 300 * 200, 0xFFFFFF);
        OcrPage page = ocr.read(white, List.of("en"));
        assertThat(page.lines()).isEmpty();
        assertThat(page.width()).isEqualTo(300);
        assertThat(ocr.model()).isEqualTo("pp-ocrv4@1.4.2");
    }

    private static void assertPolygonsInside(OcrPage page) {
        for (OcrLine line : page.lines()) {
            List<Point> all = new ArrayList<>(line.polygon());
            line.words().forEach(w -> all.addAll(w.polygon()));
            assertThat(line.polygon()).hasSize(4);
            assertThat(all).allSatisfy(p -> {
                assertThat(p.x()).isBetween(0.0, (double) page.width());
                assertThat(p.y()).isBetween(0.0, (double) page.height());
            });
        }
    }

    private static BufferedImage decode(Path file) {
        try {
            return ImageDecoder.decode(Files.readAllBytes(file)).image();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path scans() {
        return data().resolve(SCANS);
    }

    private static Path data() {
        Optional<Path> root = dataRoot();
        assumeTrue(root.isPresent(), "OCR test data not found: set GUREUM_SHARED_DATA to the folder holding '"
                + SCANS + "/' (the shared data of the repository's sibling folder shared/data)");
        return root.get();
    }

    /** The shared data folder holding the scans, if present ({@link SharedData}). */
    private static Optional<Path> dataRoot() {
        return SharedData.locate().filter(d -> Files.isDirectory(d.resolve(SCANS)));
    }
}
