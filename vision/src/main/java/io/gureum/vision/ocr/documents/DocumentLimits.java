package io.gureum.vision.ocr.documents;

import io.gureum.vision.image.ImageLimits;

/**
 * What a document may hold.
 *
 * @param maxPages   most pages read (Azure Read's limit is 2,000)
 * @param page       size limits of each page image
 * @param renderDpi  resolution PDF pages are rendered at for OCR (lowered for a page that would exceed {@code page})
 */
public record DocumentLimits(int maxPages, ImageLimits page, int renderDpi) {
    public static final DocumentLimits DEFAULTS = new DocumentLimits(2000, ImageLimits.DEFAULTS, 300);

    public DocumentLimits {
        if (maxPages < 1 || renderDpi < 72) throw new IllegalArgumentException("maxPages >= 1 and renderDpi >= 72");
    }
}
