package io.gureum.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.gureum.core.SharedData;
import io.gureum.core.TextDistance;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * OCR end to end on the real engines: a scanned page, a Korean line, a rotated page, PDFs with and without a text
 * layer through the operation API, pages metered, clear problems. Responses are checked against openapi.yaml.
 */
class OcrApiTest {
    private static TestServer server;
    private static String key;

    @BeforeAll
    static void start() {
        server = TestServer.start(null, Map.of());
        String admin = server.adminKey();
        String project = server.api.postJson("/v1/projects", admin, Map.of("name", "ocr")).json().get("id").asText();
        key = server.api.postJson("/v1/projects/" + project + "/keys", admin, Map.of("name", "k", "scopes", List.of("ocr")))
                .json().get("secret").asText();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static Path scans() {
        Path dir = SharedData.resolve("ocr/eng_scans");
        assumeTrue(Files.isDirectory(dir), "OCR test pages not found in " + dir + " (set GUREUM_SHARED_DATA)");
        return dir;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode page) {
        StringBuilder s = new StringBuilder();
        page.get("lines").forEach(l -> s.append(l.get("text").asText()).append('\n'));
        return s.toString();
    }

    @Test
    void listsEnginesAndTheirLanguages() {
        JsonNode engines = server.api.get("/v1/vision/ocr/languages", key).json().get("engines");
        assertThat(engines.findValuesAsText("name")).contains("paddle", "tesseract");
        for (JsonNode e : engines) {
            if (e.get("name").asText().equals("tesseract")) assertThat(e.get("languages").toString()).contains("\"en\"", "\"ko\"");
        }
    }

    @Test
    void readsAScannedPageWithGeometry() {
        Path dir = scans();
        ApiClient.Response r = server.api.send("POST", "/v1/vision/ocr", key, "image/tiff", read(dir.resolve("phototest.tif")), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode page = r.json().at("/pages/0");
        String truth = new String(read(dir.resolve("phototest.txt")), StandardCharsets.UTF_8);
        assertThat(TextDistance.characterErrorRate(truth, text(page))).isLessThan(0.05);
        assertThat(page.get("rotation").asInt()).isZero();
        JsonNode word = page.at("/lines/0/words/0");
        assertThat(word.get("polygon")).hasSize(4);
        assertThat(word.at("/polygon/0/x").asDouble()).isBetween(0.0, (double) page.get("width").asInt());
        assertThat(r.json().get("engine").asText()).isEqualTo("paddle");
    }

    @Test
    void readsATurnedPageUpright() {
        Path dir = scans();
        ApiClient.Response r = server.api.send("POST", "/v1/vision/ocr", key, "image/png", read(dir.resolve("phototest-rotated-R.png")), Map.of());
        assertThat(r.status()).isEqualTo(200);
        String truth = new String(read(dir.resolve("phototest.txt")), StandardCharsets.UTF_8);
        assertThat(r.json().at("/pages/0/rotation").asInt()).isIn(90, 270);
        assertThat(TextDistance.characterErrorRate(truth, text(r.json().at("/pages/0")))).isLessThan(0.08);
    }

    @Test
    void koreanGoesToTesseract() {
        Path lines = SharedData.resolve("ocr/kor_synthetic_lines");
        assumeTrue(Files.isDirectory(lines), "Korean test lines not found");
        String[] first = new String(read(lines.resolve("gt.tsv")), StandardCharsets.UTF_8).split("\n")[0].split("\t");
        ApiClient.Response r = server.api.send("POST", "/v1/vision/ocr?languages=ko", key, "image/png", read(lines.resolve(first[0])), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("engine").asText()).isEqualTo("tesseract");
        assertThat(TextDistance.characterErrorRate(first[1], text(r.json().at("/pages/0")))).isLessThan(0.5);
    }

    @Test
    void pdfsWithAndWithoutTextLayersAreReadThroughAnOperation() throws IOException {
        JsonNode layered = analyze(pdf(true), "application/pdf");
        assertThat(layered.at("/result/pages/0/textLayer").asBoolean()).isTrue();
        assertThat(text(layered.at("/result/pages/0"))).isEqualTo("Invoice 2026-11 total 1,250 won\n");

        JsonNode scanned = analyze(pdf(false), "application/pdf");
        assertThat(scanned.at("/result/pages/0/textLayer").asBoolean()).isFalse();
        assertThat(TextDistance.characterErrorRate("Invoice 2026-11 total 1,250 won", text(scanned.at("/result/pages/0")))).isLessThan(0.15);
        assertThat(scanned.at("/progress").asDouble()).isEqualTo(1.0);
    }

    @Test
    void badInputIsClear() {
        ApiClient.Response lang = server.api.send("POST", "/v1/vision/ocr?languages=xx", key, "image/png", pageImage("text"), Map.of());
        assertThat(lang.status()).isEqualTo(422);
        assertThat(lang.problemCode()).isEqualTo("unsupported_language");
        ApiClient.Response corrupt = server.api.send("POST", "/v1/vision/ocr:analyze", key, "application/pdf",
                "%PDF-1.7 this is not a pdf".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(corrupt.status()).isEqualTo(422);
        assertThat(corrupt.problemCode()).isEqualTo("invalid_document");
        ApiClient.Response engine = server.api.send("POST", "/v1/vision/ocr?engine=abbyy", key, "image/png", pageImage("text"), Map.of());
        assertThat(engine.problemCode()).isEqualTo("validation_failed");
    }

    private static JsonNode analyze(byte[] document, String type) {
        ApiClient.Response accepted = server.api.send("POST", "/v1/vision/ocr:analyze", key, type, document, Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String location = accepted.header("Operation-Location");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode op = server.api.get(location, key).json();
            if (op.get("status").asText().equals("succeeded")) return op;
            assertThat(op.get("status").asText()).as(op.toString()).isIn("queued", "running");
            ApiBehaviourTest.sleep(100);
        }
        throw new AssertionError("the OCR operation did not finish in time");
    }

    private static byte[] pageImage(String text) {
        BufferedImage image = new BufferedImage(1200, 200, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 56));
        g.drawString(text, 30, 120);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An A4 PDF with one line, as text (a text layer) or as a picture of the text (a scan). */
    private static byte[] pdf(boolean textLayer) throws IOException {
        String line = "Invoice 2026-11 total 1,250 won";
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                if (textLayer) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    content.newLineAtOffset(72, PDRectangle.A4.getHeight() - 72);
                    content.showText(line);
                    content.endText();
                } else {
                    BufferedImage scan = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(pageImage(line)));
                    content.drawImage(LosslessFactory.createFromImage(pdf, scan), 72, PDRectangle.A4.getHeight() - 172, 450, 75);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }
}
