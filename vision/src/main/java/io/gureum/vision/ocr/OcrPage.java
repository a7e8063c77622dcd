package io.gureum.vision.ocr;

import java.util.List;

/**
 * What was read on one page.
 *
 * @param width    the page as given, in pixels
 * @param height   its height
 * @param rotation how far the page's text was turned, clockwise, in degrees (0, 90, 180 or 270); polygons
 *                 refer to the page as given, not as turned upright
 * @param lines    the lines in reading order (top to bottom; left to right within a row)
 */
public record OcrPage(int width, int height, int rotation, List<OcrLine> lines) {
    /** All lines' text, one per line. */
    public String text() {
        StringBuilder s = new StringBuilder();
        for (OcrLine line : lines) s.append(line.text()).append('\n');
        return s.toString();
    }
}
