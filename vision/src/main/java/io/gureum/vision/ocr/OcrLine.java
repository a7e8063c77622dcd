package io.gureum.vision.ocr;

import io.gureum.vision.geometry.Point;

import java.util.List;

/**
 * A line of text, its words in reading order.
 *
 * @param text       the words joined as read (with spaces where the script uses them)
 * @param polygon    four corners in page pixels, clockwise from the top-left of the text as read
 * @param confidence 0-1, the mean of its characters' confidences
 */
public record OcrLine(String text, List<Point> polygon, double confidence, List<OcrWord> words) {}
