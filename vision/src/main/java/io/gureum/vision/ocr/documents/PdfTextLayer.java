package io.gureum.vision.ocr.documents;

import io.gureum.vision.geometry.Point;
import io.gureum.vision.ocr.OcrLine;
import io.gureum.vision.ocr.OcrWord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The text a PDF page already carries, as lines and words with boxes: what PDFBox's text stripper reads in
 * reading order (sorted by position), with each glyph's position scaled from points to pixels.
 */
final class PdfTextLayer extends PDFTextStripper {
    private final float scale;
    private final List<OcrLine> lines = new ArrayList<>();

    private PdfTextLayer(float scale) {
        this.scale = scale;
        setSortByPosition(true);
    }

    static List<OcrLine> lines(PDDocument pdf, int page, float scale) throws IOException {
        PdfTextLayer stripper = new PdfTextLayer(scale);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.writeText(pdf, new StringWriter());
        return stripper.lines;
    }

    /** Called once per line of text (a run the stripper keeps together), with each glyph's position. */
    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        List<OcrWord> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        List<TextPosition> glyphs = new ArrayList<>();
        for (TextPosition p : positions) {
            String u = p.getUnicode();
            if (u == null || u.isBlank()) {
                flush(word, glyphs, words);
            } else {
                word.append(u);
                glyphs.add(p);
            }
        }
        flush(word, glyphs, words);
        if (words.isEmpty()) return;
        String lineText = String.join(" ", words.stream().map(OcrWord::text).toList());
        lines.add(new OcrLine(lineText, union(words), 1.0, words));
    }

    private void flush(StringBuilder word, List<TextPosition> glyphs, List<OcrWord> words) {
        if (word.length() == 0) return;
        double x1 = Double.MAX_VALUE, y1 = Double.MAX_VALUE, x2 = -Double.MAX_VALUE, y2 = -Double.MAX_VALUE;
        for (TextPosition g : glyphs) {
            // *DirAdj: upright coordinates with y at the baseline, measured from the top
            x1 = Math.min(x1, g.getXDirAdj());
            x2 = Math.max(x2, g.getXDirAdj() + g.getWidthDirAdj());
            y1 = Math.min(y1, g.getYDirAdj() - g.getHeightDir());
            y2 = Math.max(y2, g.getYDirAdj());
        }
        words.add(new OcrWord(word.toString(), rectangle(x1 * scale, y1 * scale, x2 * scale, y2 * scale), 1.0));
        word.setLength(0);
        glyphs.clear();
    }

    private static List<Point> union(List<OcrWord> words) {
        double x1 = Double.MAX_VALUE, y1 = Double.MAX_VALUE, x2 = -Double.MAX_VALUE, y2 = -Double.MAX_VALUE;
        for (OcrWord w : words) {
            for (Point p : w.polygon()) {
                x1 = Math.min(x1, p.x());
                y1 = Math.min(y1, p.y());
                x2 = Math.max(x2, p.x());
                y2 = Math.max(y2, p.y());
            }
        }
        return rectangle(x1, y1, x2, y2);
    }

    private static List<Point> rectangle(double x1, double y1, double x2, double y2) {
        return List.of(new Point(round(x1), round(y1)), new Point(round(x2), round(y1)), new Point(round(x2), round(y2)), new Point(round(x1), round(y2)));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
