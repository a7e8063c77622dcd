package io.gureum.vision.ocr.documents;

import io.gureum.vision.ocr.OcrLine;

import java.awt.image.BufferedImage;
import java.util.List;

/** One page of a document: an image to read, or text the document already carries. */
public sealed interface DocumentPage {
    /** 1-based. */
    int number();

    int width();

    int height();

    /** A page to OCR (packed BGR). */
    record Image(int number, BufferedImage image) implements DocumentPage {
        public int width() { return image.getWidth(); }
        public int height() { return image.getHeight(); }
    }

    /**
     * A PDF page with a text layer: its lines as the PDF places them, in pixels at the render resolution, so
     * coordinates mean the same as on rendered pages.
     */
    record TextLayer(int number, int width, int height, List<OcrLine> lines) implements DocumentPage {}
}
