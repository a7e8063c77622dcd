package io.gureum.vision.ocr.documents;

import io.gureum.core.Problem;
import io.gureum.vision.image.ImageLimits;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentTest {

    @Test
    void aPdfTextLayerIsReadWithoutRenderingAndScaledToPixels() throws IOException {
        try (Document doc = Document.open(Pdfs.withText("Hello Gureum 2026", "Second line here"), DocumentLimits.DEFAULTS)) {
            assertThat(doc.format()).isEqualTo("pdf");
            assertThat(doc.pageCount()).isEqualTo(1);
            DocumentPage page = doc.page(1);
            assertThat(page).isInstanceOf(DocumentPage.TextLayer.class);
            DocumentPage.TextLayer text = (DocumentPage.TextLayer) page;
            // A4 at 300 dpi
            assertThat(text.width()).isEqualTo(Math.round(PDRectangle.A4.getWidth() / 72f * 300));
            assertThat(text.lines()).extracting(l -> l.text()).containsExactly("Hello Gureum 2026", "Second line here");
            assertThat(text.lines().get(0).words()).extracting(w -> w.text()).containsExactly("Hello", "Gureum", "2026");
            // the first line starts 72 pt (1 inch = 300 px) from the left, above the second
            assertThat(text.lines().get(0).polygon().get(0).x()).isCloseTo(300.0, org.assertj.core.data.Offset.offset(3.0));
            assertThat(text.lines().get(0).polygon().get(0).y()).isLessThan(text.lines().get(1).polygon().get(0).y());
        }
    }

    @Test
    void aPdfWithOnlyAnImageIsRendered() throws IOException {
        try (Document doc = Document.open(Pdfs.withImageOfText("Scanned page"), DocumentLimits.DEFAULTS)) {
            DocumentPage page = doc.page(1);
            assertThat(page).isInstanceOf(DocumentPage.Image.class);
            assertThat(page.width()).isEqualTo(Math.round(PDRectangle.A4.getWidth() / 72f * 300));
        }
    }

    @Test
    void aMultiPageTiffGivesEachPage() throws IOException {
        byte[] tiff = tiff(page("one", 400), page("two", 500), page("three", 600));
        try (Document doc = Document.open(tiff, DocumentLimits.DEFAULTS)) {
            assertThat(doc.format()).isEqualTo("tiff");
            assertThat(doc.pageCount()).isEqualTo(3);
            assertThat(doc.page(3).width()).isEqualTo(600);
            assertThat(doc.page(1).width()).isEqualTo(400);
        }
    }

    @Test
    void limitsAndBadDocumentsGetClearProblems() throws IOException {
        byte[] tiff = tiff(page("a", 300), page("b", 300), page("c", 300));
        assertThatThrownBy(() -> Document.open(tiff, new DocumentLimits(2, ImageLimits.DEFAULTS, 300)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("too_many_pages"));
        try (Document doc = Document.open(tiff, new DocumentLimits(10, new ImageLimits(50_000, 16384, 16), 300))) {
            assertThatThrownBy(() -> doc.page(1)).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("image_too_large"));
        }
        byte[] pdf = Pdfs.withText("x");
        assertThatThrownBy(() -> Document.open(Arrays.copyOf(pdf, 40), DocumentLimits.DEFAULTS))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("invalid_document"));
        assertThatThrownBy(() -> Document.open(new byte[0], DocumentLimits.DEFAULTS))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("empty_body"));
        assertThatThrownBy(() -> Document.open("GIF89a....".getBytes(), DocumentLimits.DEFAULTS))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("unsupported_image_format"));
    }

    /** A page image with a word on it. */
    static BufferedImage page(String text, int width) {
        BufferedImage image = new BufferedImage(width, 200, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, 200);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 48));
        g.drawString(text, 20, 120);
        g.dispose();
        return image;
    }

    static byte[] tiff(BufferedImage... pages) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage p : pages) writer.writeToSequence(new IIOImage(p, null, null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** PDFs made with PDFBox for the tests. */
    public static final class Pdfs {
        private Pdfs() {}

        public static byte[] withText(String... lines) throws IOException {
            try (PDDocument pdf = new PDDocument()) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    content.newLineAtOffset(72, PDRectangle.A4.getHeight() - 72);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLineAtOffset(0, -20);
                    }
                    content.endText();
                }
                return save(pdf);
            }
        }

        public static byte[] withImageOfText(String text) throws IOException {
            try (PDDocument pdf = new PDDocument()) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                BufferedImage image = DocumentTest.page(text, 900);
                PDImageXObject xobject = LosslessFactory.createFromImage(pdf, image);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(xobject, 72, PDRectangle.A4.getHeight() - 72 - 200 * 0.5f, 900 * 0.5f, 200 * 0.5f);
                }
                return save(pdf);
            }
        }

        private static byte[] save(PDDocument pdf) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }
}
