package io.gureum.vision.ocr.paddle;

import io.gureum.vision.geometry.Point;
import io.gureum.vision.image.BgrImages;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** The pipeline's geometry and decoding, on inputs whose answer is known: no models needed. */
class PaddleGeometryTest {

    @Test
    void minimumAreaRectangleOfATiltedRectangle() {
        // the corners and edge points of a 40 x 10 rectangle turned 30 degrees round (100, 50)
        double a = Math.toRadians(30), c = Math.cos(a), s = Math.sin(a);
        int n = 0;
        double[] xs = new double[200], ys = new double[200];
        for (int i = 0; i <= 40; i += 4) {
            for (int j : new int[] {0, 10}) {
                double u = i - 20, v = j - 5;
                xs[n] = 100 + u * c - v * s;
                ys[n++] = 50 + u * s + v * c;
            }
        }
        RotatedRect r = RotatedRect.minAreaOf(xs, ys, n);
        assertThat(Math.max(r.width(), r.height())).isCloseTo(40, offset(1e-6));
        assertThat(r.shortSide()).isCloseTo(10, offset(1e-6));
        assertThat(r.cx()).isCloseTo(100, offset(1e-6));
        assertThat(r.cy()).isCloseTo(50, offset(1e-6));
        assertThat(r.grown(2).shortSide()).isCloseTo(14, offset(1e-6));
    }

    @Test
    void dbFindsABarAndScalesItToThePage() {
        // a 100 x 40 map with one text bar (x 20..79, y 15..24) and a speck too thin to be text
        int w = 100, h = 40;
        float[] prob = new float[w * h];
        for (int y = 15; y < 25; y++) for (int x = 20; x < 80; x++) prob[y * w + x] = 0.9f;
        prob[5 * w + 5] = 0.9f;
        List<DbPostProcess.Region> regions = DbPostProcess.regions(prob, w, h, 2, 2, 200, 80);
        assertThat(regions).hasSize(1);
        Quad q = Quad.ordered(regions.get(0).corners());
        // shrunk box 59 x 9 (pixel centres) grown by 59*9*1.5/(2*68) = 5.86 on each side, then doubled
        assertThat(q.width()).isCloseTo(2 * (59 + 2 * 5.857), offset(0.05));
        assertThat(q.height()).isCloseTo(2 * (9 + 2 * 5.857), offset(0.05));
        assertThat(q.tl().x()).isCloseTo(2 * (20 - 5.857), offset(0.05));
        assertThat(regions.get(0).score()).isCloseTo(0.9, offset(1e-6));
    }

    @Test
    void ctcMergesRepeatsAndDropsBlanks() {
        // steps: a a blank a b blank, over the classes blank, a, b, space
        int[] best = {1, 1, 0, 1, 2, 0};
        float[] p = new float[best.length * 4];
        for (int t = 0; t < best.length; t++) {
            for (int k = 0; k < 4; k++) p[t * 4 + k] = 0.1f;
            p[t * 4 + best[t]] = 0.7f;
        }
        TextRecognizer.Reading r = new CtcDecoder(List.of("a", "b", " ")).decode(p, 0, best.length, 4, 8);
        assertThat(r.text()).isEqualTo("aab");
        assertThat(r.confidence()).isCloseTo(0.7, offset(1e-6));
        assertThat(r.glyphs()).extracting(TextRecognizer.Glyph::x).containsExactly(4.0, 28.0, 36.0);
    }

    @Test
    void fullWidthFormsNarrowToAscii() {
        var r = new TextRecognizer.Reading("ＡＢ１", 0.9, List.of(new TextRecognizer.Glyph("Ａ", 1, 0.9),
                new TextRecognizer.Glyph("\u3000", 2, 0.9), new TextRecognizer.Glyph("１", 3, 0.9)));
        assertThat(r.narrowed().text()).isEqualTo("A 1");
    }

    @Test
    void pageFrameMapsBothWaysAndTurnsPixels() {
        BufferedImage page = BgrImages.create(3, 2);
        byte[] px = BgrImages.pixels(page);
        px[0] = 7; // pixel (0, 0), blue
        for (int rotation : new int[] {0, 90, 180, 270}) {
            PageFrame f = new PageFrame(3, 2, rotation);
            Point p = new Point(0.5, 1.25);
            Point back = f.toUpright(f.toPage(p));
            assertThat(back.x()).isCloseTo(p.x(), offset(1e-9));
            assertThat(back.y()).isCloseTo(p.y(), offset(1e-9));
            BufferedImage upright = f.upright(page);
            assertThat(upright.getWidth()).isEqualTo(rotation % 180 == 0 ? 3 : 2);
            // the page's top-left pixel is, upright, where toUpright puts its centre
            Point corner = f.toUpright(new Point(0.5, 0.5));
            int at = ((int) corner.y() * upright.getWidth() + (int) corner.x()) * 3;
            assertThat(BgrImages.pixels(upright)[at]).isEqualTo((byte) 7);
        }
        // text turned 90 clockwise: the upright top-left is the page's top-right
        Point tl = new PageFrame(300, 200, 90).toPage(new Point(0, 0));
        assertThat(tl).isEqualTo(new Point(300, 0));
    }

    @Test
    void quadsTurnAndFlipByRelabelling() {
        Quad q = new Quad(new Point(0, 0), new Point(10, 0), new Point(10, 2), new Point(0, 2));
        assertThat(q.flipped().tl()).isEqualTo(new Point(10, 2));
        assertThat(q.flipped().flipped()).isEqualTo(q);
        assertThat(q.turnedCounterClockwise().width()).isEqualTo(2);
        assertThat(q.at(0.5, 1)).isEqualTo(new Point(5, 2));
    }

    @Test
    void readingOrderGoesDownColumnsUnderAHeading() {
        // a heading across the page, then two columns of three lines whose rows line up
        List<Quad> lines = List.of(
                box(10, 100, 190, 120), box(110, 130, 190, 150), box(10, 160, 90, 180),
                box(10, 10, 190, 30), box(10, 40, 90, 60), box(110, 40, 190, 60),
                box(10, 70, 90, 90), box(110, 70, 190, 90), box(110, 160, 190, 180), box(10, 130, 90, 150));
        List<Quad> sorted = ReadingOrder.sort(lines, q -> q);
        assertThat(sorted).containsExactly(lines.get(3), lines.get(4), lines.get(6), lines.get(5), lines.get(7),
                lines.get(0), lines.get(9), lines.get(2), lines.get(1), lines.get(8));
    }

    @Test
    void readingOrderGoesLeftToRightAlongARow() {
        List<Quad> words = List.of(box(120, 12, 180, 30), box(10, 10, 60, 30), box(70, 11, 110, 29), box(10, 40, 180, 60));
        assertThat(ReadingOrder.sort(words, q -> q)).containsExactly(words.get(1), words.get(2), words.get(0), words.get(3));
    }

    private static Quad box(double x0, double y0, double x1, double y1) {
        return new Quad(new Point(x0, y0), new Point(x1, y0), new Point(x1, y1), new Point(x0, y1));
    }
}
