package io.gureum.vision.ocr.tesseract;

import io.gureum.core.Problem;
import io.gureum.vision.geometry.Point;
import io.gureum.vision.image.BgrImages;
import io.gureum.vision.ocr.OcrPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.gureum.vision.ocr.tesseract.SharedOcrData.image;
import static io.gureum.vision.ocr.tesseract.SharedOcrData.require;
import static io.gureum.vision.ocr.tesseract.SharedOcrData.requireTraineddata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Languages, missing traineddata, page shape and rotation geometry: mostly without the natives or the shared data. */
class TesseractSetupTest {
    @TempDir
    Path tessdata;

    @Test
    void languagesAreTheInstalledTraineddataAsIsoCodes() throws IOException {
        for (String code : List.of("eng", "kor", "chi_sim", "osd", "grc")) Files.createFile(tessdata.resolve(code + ".traineddata"));
        Files.createFile(tessdata.resolve("pdf.ttf"));
        try (TesseractOcr engine = new TesseractOcr(tessdata)) {
            assertThat(engine.tesseractLanguages()).containsExactly("chi_sim", "eng", "grc", "kor");
            assertThat(engine.languages()).containsExactlyInAnyOrder("zh", "en", "grc", "ko"); // grc has no ISO 639-1 code
            assertThat(engine.installed()).isTrue();
            assertThat(engine.orientationDetection()).isTrue();
            assertThat(engine.tesseractLanguageString(List.of("ko", "en", "ko"))).isEqualTo("kor+eng");
            assertThat(engine.tesseractLanguageString(List.of("chi_sim"))).isEqualTo("chi_sim");
            assertThat(engine.tesseractLanguageString(List.of())).isEqualTo("eng");
        }
    }

    @Test
    void aMissingLanguageSaysWhichDebianPackageProvidesIt() throws IOException {
        Files.createFile(tessdata.resolve("eng.traineddata"));
        BufferedImage page = BgrImages.create(64, 32);
        try (TesseractOcr engine = new TesseractOcr(tessdata)) {
            Problem p = catchThrowableOfType(Problem.class, () -> engine.read(page, List.of("ko")));
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.code()).isEqualTo("model_not_installed");
            assertThat(p.extensions()).containsEntry("installCommand", "sudo apt-get install -y tesseract-ocr-kor")
                    .containsEntry("model", "tesseract/kor");
            assertThat(p.detail()).contains("sudo apt-get install -y tesseract-ocr-kor");

            Problem two = catchThrowableOfType(Problem.class, () -> engine.read(page, List.of("ja", "en", "zh-Hant")));
            assertThat(two.extensions()).containsEntry("installCommand", "sudo apt-get install -y tesseract-ocr-jpn tesseract-ocr-chi-tra");
        }
    }

    @Test
    void nothingInstalledIsNotInstalledAndSaysSo() {
        try (TesseractOcr engine = new TesseractOcr(tessdata.resolve("absent"))) {
            assertThat(engine.installed()).isFalse();
            assertThat(engine.languages()).isEmpty();
            Problem p = catchThrowableOfType(Problem.class, () -> engine.read(BgrImages.create(64, 32), List.of("en")));
            assertThat(p.extensions()).containsEntry("installCommand", "sudo apt-get install -y tesseract-ocr-eng");
        }
    }

    @Test
    void aCodeThatNamesNoLanguageIsRefused() throws IOException {
        Files.createFile(tessdata.resolve("eng.traineddata"));
        try (TesseractOcr engine = new TesseractOcr(tessdata)) {
            for (String bad : List.of("xx", "osd", "../eng", "")) {
                Problem p = catchThrowableOfType(Problem.class, () -> engine.read(BgrImages.create(64, 32), List.of(bad)));
                assertThat(p.status()).as(bad).isEqualTo(422);
                assertThat(p.code()).isEqualTo("unsupported_language");
            }
        }
    }

    @Test
    void languageTable() {
        assertThat(TesseractLanguages.isoCode("kor")).isEqualTo("ko");
        assertThat(TesseractLanguages.isoCode("chi_tra")).isEqualTo("zh-Hant");
        assertThat(TesseractLanguages.isoCode("frk")).isEqualTo("frk");
        assertThat(TesseractLanguages.tesseractCode("EN")).contains("eng");
        assertThat(TesseractLanguages.tesseractCode("zh-hant")).contains("chi_tra");
        assertThat(TesseractLanguages.tesseractCode("deu_latf")).contains("deu_latf");
        assertThat(TesseractLanguages.debianPackage("chi_sim_vert")).isEqualTo("tesseract-ocr-chi-sim-vert");
    }

    @Test
    void lineShapedImagesAreReadAsOneLine() {
        assertThat(TesseractOcr.looksLikeOneLine(656, 60)).isTrue();   // the Korean test lines
        assertThat(TesseractOcr.looksLikeOneLine(640, 480)).isFalse(); // phototest
        assertThat(TesseractOcr.looksLikeOneLine(2000, 400)).isFalse(); // a wide strip of several lines
        assertThat(TesseractOcr.looksLikeOneLine(300, 120)).isFalse();  // a short word, nearly square: the page layout decides
    }

    /** A pixel marked on the upright page lands, after turning the page, where {@code polygonToPage} puts it. */
    @Test
    void polygonsFollowThePixelsWhenThePageIsTurned() {
        int w = 7, h = 4;
        for (int rotation : new int[] {0, 90, 180, 270}) {
            byte[] upright = new byte[3 * w * h];
            int x = 5, y = 1;
            upright[3 * (y * w + x)] = 9;
            byte[] given = TesseractOcr.rotateClockwise(upright, w, h, rotation);
            int gw = rotation % 180 == 0 ? w : h;
            int gh = rotation % 180 == 0 ? h : w;
            // the marked pixel's centre, mapped
            Point centre = TesseractOcr.polygonToPage(List.of(new Point(x + 0.5, y + 0.5)), rotation, gw, gh).get(0);
            int gx = (int) Math.floor(centre.x());
            int gy = (int) Math.floor(centre.y());
            assertThat(given[3 * (gy * gw + gx)]).as("rotation " + rotation).isEqualTo((byte) 9);
            // turning back restores the page
            assertThat(TesseractOcr.rotateClockwise(given, gw, gh, (360 - rotation) % 360)).isEqualTo(upright);
        }
    }

    @Test
    void bgrIsHandedOverAsRgb() {
        assertThat(TesseractOcr.bgrToRgb(new byte[] {1, 2, 3, 4, 5, 6})).containsExactly(3, 2, 1, 6, 5, 4);
    }

    /** The constructor's folder is the one read: a folder with only English reads English and refuses Korean. */
    @Test
    void readsFromTheFolderItIsGiven() throws IOException {
        Path standard = TesseractOcr.locateTessdata();
        try (TesseractOcr engine = new TesseractOcr(standard)) {
            requireTraineddata(engine, "eng");
        }
        Path dir = require("eng_scans");
        Files.copy(standard.resolve("eng.traineddata"), tessdata.resolve("eng.traineddata"));
        try (TesseractOcr engine = new TesseractOcr(tessdata)) {
            assertThat(engine.languages()).containsExactly("en");
            assertThat(engine.orientationDetection()).isFalse();
            OcrPage page = engine.read(image(dir.resolve("phototest-rotated-180.png")), List.of("en"));
            assertThat(page.rotation()).as("no osd.traineddata, no orientation detection").isZero();
            OcrPage upright = engine.read(image(dir.resolve("phototest.tif")), List.of("en"));
            assertThat(upright.lines().get(0).text()).isEqualTo("This is a lot of 12 point text to test the");
            assertThat(catchThrowableOfType(Problem.class, () -> engine.read(image(dir.resolve("phototest.tif")), List.of("ko"))).code())
                    .isEqualTo("model_not_installed");
        }
    }
}
