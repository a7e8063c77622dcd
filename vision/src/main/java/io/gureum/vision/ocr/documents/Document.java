package io.gureum.vision.ocr.documents;

import io.gureum.core.Problem;
import io.gureum.vision.image.BgrImages;
import io.gureum.vision.image.DecodedImage;
import io.gureum.vision.image.ImageDecoder;
import io.gureum.vision.image.ImageFormat;
import io.gureum.vision.image.ImageProblems;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * A document to read page by page: a PDF (Apache PDFBox), a multi-page TIFF, or any single image Gureum
 * decodes. Pages are produced one at a time, so a long document never holds more than one page image.
 * PDF pages that carry a text layer return it instead of being rendered. Not thread-safe; close it.
 */
public final class Document implements AutoCloseable {
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    /** A page "has a text layer" when it yields at least this many letters or digits. */
    private static final int MIN_TEXT_LAYER_CHARACTERS = 1;

    private final String format;
    private final int pages;
    private final DocumentLimits limits;
    private final PDDocument pdf;
    private final PDFRenderer renderer;
    private final ImageReader tiff;
    private final ImageInputStream tiffInput;
    private final DecodedImage single;

    private Document(String format, int pages, DocumentLimits limits, PDDocument pdf, ImageReader tiff,
                     ImageInputStream tiffInput, DecodedImage single) {
        this.format = format;
        this.pages = pages;
        this.limits = limits;
        this.pdf = pdf;
        this.renderer = pdf == null ? null : new PDFRenderer(pdf); // one per document: it caches shared resources
        this.tiff = tiff;
        this.tiffInput = tiffInput;
        this.single = single;
    }

    /**
     * @throws Problem 400 {@code empty_body}; 415 {@code unsupported_image_format} for neither PDF nor an image;
     *                 422 {@code invalid_document} for a corrupt or password-protected PDF; 413 {@code too_many_pages};
     *                 the image problems of {@link ImageDecoder} for images
     */
    public static Document open(byte[] bytes, DocumentLimits limits) {
        if (bytes == null || bytes.length == 0) throw ImageProblems.emptyBody();
        if (startsWith(bytes, PDF_MAGIC)) return openPdf(bytes, limits);
        if (ImageFormat.sniff(bytes).orElse(null) == ImageFormat.TIFF) return openTiff(bytes, limits);
        DecodedImage image = ImageDecoder.decode(bytes, limits.page());
        return new Document(image.format().name().toLowerCase(), 1, limits, null, null, null, image);
    }

    /** {@code pdf}, {@code tiff}, or the image format. */
    public String format() { return format; }

    public int pageCount() { return pages; }

    /** Page {@code number} (1-based), read or rendered now. */
    public DocumentPage page(int number) {
        if (number < 1 || number > pages) throw new IndexOutOfBoundsException("page " + number + " of " + pages);
        try {
            if (pdf != null) return pdfPage(number);
            if (tiff != null) return tiffPage(number);
            return new DocumentPage.Image(1, single.image());
        } catch (IOException e) {
            throw invalid("page " + number + " cannot be read: " + e.getMessage());
        }
    }

    private static Document openPdf(byte[] bytes, DocumentLimits limits) {
        PDDocument pdf;
        try {
            pdf = Loader.loadPDF(bytes);
        } catch (InvalidPasswordException e) {
            throw invalid("the PDF is password-protected");
        } catch (IOException e) {
            throw invalid("the PDF cannot be read: " + e.getMessage());
        }
        int pages = pdf.getNumberOfPages();
        if (pages == 0) {
            close(pdf);
            throw invalid("the PDF has no pages");
        }
        checkPages(pages, limits, pdf);
        return new Document("pdf", pages, limits, pdf, null, null, null);
    }

    private static Document openTiff(byte[] bytes, DocumentLimits limits) {
        try {
            ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes));
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("tiff");
            if (!readers.hasNext()) throw new IllegalStateException("no TIFF reader on the class path");
            ImageReader reader = readers.next();
            reader.setInput(in, false, true);
            int pages = reader.getNumImages(true);
            if (pages < 1) throw invalid("the TIFF has no pages");
            checkPages(pages, limits, null);
            return new Document("tiff", pages, limits, null, reader, in, null);
        } catch (IOException e) {
            throw ImageProblems.invalid(ImageFormat.TIFF, e.getMessage());
        }
    }

    private DocumentPage pdfPage(int number) throws IOException {
        PDRectangle box = pdf.getPage(number - 1).getCropBox();
        // render at renderDpi unless that page would exceed the pixel limits: then as large as they allow
        double dpi = limits.renderDpi();
        double pixels = (box.getWidth() / 72 * dpi) * (box.getHeight() / 72 * dpi);
        if (pixels > limits.page().maxPixels()) dpi *= Math.sqrt(limits.page().maxPixels() / pixels);
        double longest = Math.max(box.getWidth(), box.getHeight()) / 72 * dpi;
        if (longest > limits.page().maxSide()) dpi *= limits.page().maxSide() / longest;
        float scale = (float) (dpi / 72);
        int width = Math.max(1, Math.round(box.getWidth() * scale));
        int height = Math.max(1, Math.round(box.getHeight() * scale));
        List<io.gureum.vision.ocr.OcrLine> text = PdfTextLayer.lines(pdf, number, scale);
        if (text.stream().mapToLong(l -> l.text().codePoints().filter(Character::isLetterOrDigit).count()).sum()
                >= MIN_TEXT_LAYER_CHARACTERS) {
            return new DocumentPage.TextLayer(number, width, height, text);
        }
        BufferedImage rendered = renderer.renderImage(number - 1, scale, ImageType.RGB);
        return new DocumentPage.Image(number, BgrImages.toBgr(rendered));
    }

    private DocumentPage tiffPage(int number) throws IOException {
        limits.page().check(tiff.getWidth(number - 1), tiff.getHeight(number - 1)); // before decoding: no bombs
        return new DocumentPage.Image(number, BgrImages.toBgr(tiff.read(number - 1)));
    }

    private static void checkPages(int pages, DocumentLimits limits, PDDocument toClose) {
        if (pages > limits.maxPages()) {
            if (toClose != null) close(toClose);
            throw new Problem(413, "too_many_pages", "Too many pages",
                    "The document has " + pages + " pages; at most " + limits.maxPages() + " are read per request (split it).");
        }
    }

    private static Problem invalid(String why) {
        return new Problem(422, "invalid_document", "Invalid document", "The document cannot be read: " + why + ".");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (bytes[i] != prefix[i]) return false;
        return true;
    }

    private static void close(PDDocument pdf) {
        try {
            pdf.close();
        } catch (IOException ignored) {
            // nothing was written; the bytes are in memory
        }
    }

    @Override
    public void close() {
        if (pdf != null) close(pdf);
        if (tiff != null) tiff.dispose();
        if (tiffInput != null) {
            try {
                tiffInput.close();
            } catch (IOException ignored) {
                // an in-memory stream
            }
        }
    }
}
