package io.gureum.vision.ocr.paddle;

import io.gureum.runtime.onnx.OnnxModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * PP-OCR's recogniser (SVTR-LCNet with a CTC head): strips {@code [N,3,48,W]} in, per-step character
 * probabilities {@code [N,W/8,classes]} out, decoded greedily. Strips are batched by similar width, as
 * PaddleOCR does, so little of a batch is padding; a batch is at least {@value #MIN_WIDTH} wide (the training
 * width: narrower inputs read worse).
 */
final class TextRecognizer {
    static final int MIN_WIDTH = 320;
    private static final int BATCH = 6;

    /** One character read: its text, its position along the strip (pixels) and its probability. */
    record Glyph(String text, double x, double probability) {}

    /** What one strip says. */
    record Reading(String text, double confidence, List<Glyph> glyphs) {
        /**
         * The reading with full-width forms (U+FF01-FF5E, the ideographic space) as their ASCII letters, digits and
         * punctuation: the Chinese dictionary has both, and in non-Chinese text the model's occasional full-width
         * pick (small caps read as {@code ＴＲＡＶＥＬ}) is the same character to a reader, not another one.
         */
        Reading narrowed() {
            List<Glyph> narrow = new ArrayList<>(glyphs.size());
            StringBuilder text = new StringBuilder();
            for (Glyph g : glyphs) {
                String t = narrow(g.text());
                narrow.add(new Glyph(t, g.x(), g.probability()));
                text.append(t);
            }
            return new Reading(text.toString(), confidence, narrow);
        }

        private static String narrow(String s) {
            if (s.length() != 1) return s;
            char c = s.charAt(0);
            if (c >= '\uFF01' && c <= '\uFF5E') return String.valueOf((char) (c - 0xFEE0));
            return c == '\u3000' ? " " : s;
        }
    }

    private final OnnxModel model;
    private final String input;
    private final CtcDecoder decoder;

    TextRecognizer(OnnxModel model, List<String> characters) {
        this.model = model;
        this.input = model.inputNames().iterator().next();
        this.decoder = new CtcDecoder(characters);
    }

    List<Reading> read(List<Strip> strips) {
        Reading[] result = new Reading[strips.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < strips.size(); i++) order.add(i);
        order.sort(Comparator.comparingInt(i -> strips.get(i).width()));
        for (int from = 0; from < order.size(); from += BATCH) {
            List<Integer> ids = order.subList(from, Math.min(order.size(), from + BATCH));
            int width = MIN_WIDTH;
            for (int i : ids) width = Math.max(width, strips.get(i).width());
            float[] batch = new float[ids.size() * 3 * Strip.HEIGHT * width];
            for (int k = 0; k < ids.size(); k++) strips.get(ids.get(k)).writeInto(batch, k, width, width);
            OnnxModel.Outputs out = model.run(Map.of(input, OnnxModel.Input.floats(batch, ids.size(), 3, Strip.HEIGHT, width)));
            String name = out.names().get(0);
            long[] shape = out.shape(name); // [n, steps, classes]
            int steps = (int) shape[1], classes = (int) shape[2];
            float[] p = out.floats(name);
            double stepWidth = (double) width / steps;
            for (int k = 0; k < ids.size(); k++) {
                result[ids.get(k)] = decoder.decode(p, k * steps * classes, steps, classes, stepWidth);
            }
        }
        return List.of(result);
    }
}
