package io.gureum.vision.ocr.paddle;

import io.gureum.vision.geometry.Point;
import io.gureum.vision.ocr.OcrLine;
import io.gureum.vision.ocr.OcrWord;

import java.util.ArrayList;
import java.util.List;

/**
 * A recognised strip as an {@link OcrLine}: its words split at spaces, each placed along the line's quad
 * where CTC emitted its characters (the recogniser's steps are evenly spaced along the strip), so word boxes
 * follow the text even on a slanted line.
 */
final class LineBuilder {
    private LineBuilder() {}

    /**
     * @param border how far the page the strip was cut from was padded (see {@link PagePadding}): polygons are
     *               moved back by it and clamped to the page as given
     */
    static OcrLine line(Strip strip, TextRecognizer.Reading reading, int border, int pageWidth, int pageHeight) {
        List<TextRecognizer.Glyph> glyphs = reading.glyphs();
        double half = halfPitch(glyphs, strip);
        List<OcrWord> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= glyphs.size(); i++) {
            boolean gap = i == glyphs.size() || glyphs.get(i).text().isBlank();
            if (!gap && start < 0) start = i;
            if (gap && start >= 0) {
                words.add(word(glyphs.subList(start, i), strip, half, border, pageWidth, pageHeight));
                start = -1;
            }
        }
        String text = String.join(" ", words.stream().map(OcrWord::text).toList());
        return new OcrLine(text, polygon(strip.quad(), 0, 1, border, pageWidth, pageHeight), reading.confidence(), words);
    }

    private static OcrWord word(List<TextRecognizer.Glyph> glyphs, Strip strip, double half, int border,
                                int pageWidth, int pageHeight) {
        StringBuilder text = new StringBuilder();
        double sum = 0;
        for (TextRecognizer.Glyph g : glyphs) {
            text.append(g.text());
            sum += g.probability();
        }
        double w = strip.width();
        double u0 = Math.max(0, (glyphs.get(0).x() - half) / w);
        double u1 = Math.min(1, (glyphs.get(glyphs.size() - 1).x() + half) / w);
        return new OcrWord(text.toString(), polygon(strip.quad(), u0, u1, border, pageWidth, pageHeight), sum / glyphs.size());
    }

    /** Half a character's width: half the mean distance between neighbouring characters' steps. */
    private static double halfPitch(List<TextRecognizer.Glyph> glyphs, Strip strip) {
        if (glyphs.size() < 2) return Strip.HEIGHT * 0.3;
        double span = glyphs.get(glyphs.size() - 1).x() - glyphs.get(0).x();
        return span / (glyphs.size() - 1) / 2;
    }

    /** The part of the quad from {@code u0} to {@code u1} along the text, clockwise from its top-left, in the page. */
    private static List<Point> polygon(Quad q, double u0, double u1, int border, int pageWidth, int pageHeight) {
        return List.of(onPage(q.at(u0, 0), border, pageWidth, pageHeight), onPage(q.at(u1, 0), border, pageWidth, pageHeight),
                onPage(q.at(u1, 1), border, pageWidth, pageHeight), onPage(q.at(u0, 1), border, pageWidth, pageHeight));
    }

    private static Point onPage(Point p, int border, int w, int h) {
        return new Point(Math.max(0, Math.min(w, p.x() - border)), Math.max(0, Math.min(h, p.y() - border)));
    }
}
