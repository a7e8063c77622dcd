package io.gureum.vision.ocr;

import io.gureum.vision.geometry.Point;

import java.util.List;

/**
 * A recognised word.
 *
 * @param text       the word
 * @param polygon    four corners in page pixels, clockwise from the top-left of the text as read
 * @param confidence 0-1
 */
public record OcrWord(String text, List<Point> polygon, double confidence) {}
