package io.gureum.vision.ocr.paddle;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy CTC decoding as PaddleOCR's {@code CTCLabelDecode}: the most likely class per step, repeats merged,
 * the blank (class 0) dropped; class {@code i} is {@code characters[i - 1]}. A line's confidence is the mean
 * probability of the steps it kept.
 */
final class CtcDecoder {
    private final List<String> characters;

    /** @param characters the model's dictionary in class order after the blank (PaddleOCR appends a space) */
    CtcDecoder(List<String> characters) {
        this.characters = List.copyOf(characters);
    }

    /**
     * @param p         probabilities, {@code steps x classes} from {@code offset}
     * @param stepWidth strip pixels per step, to place each character
     */
    TextRecognizer.Reading decode(float[] p, int offset, int steps, int classes, double stepWidth) {
        if (classes != characters.size() + 1) {
            throw new IllegalStateException("the recogniser has " + classes + " classes; the dictionary has "
                    + characters.size() + " characters + blank");
        }
        StringBuilder text = new StringBuilder();
        List<TextRecognizer.Glyph> glyphs = new ArrayList<>();
        double sum = 0;
        int previous = -1;
        for (int t = 0; t < steps; t++) {
            int row = offset + t * classes;
            int best = 0;
            float bestP = p[row];
            for (int c = 1; c < classes; c++) {
                if (p[row + c] > bestP) {
                    bestP = p[row + c];
                    best = c;
                }
            }
            if (best != 0 && best != previous) {
                String ch = characters.get(best - 1);
                text.append(ch);
                glyphs.add(new TextRecognizer.Glyph(ch, (t + 0.5) * stepWidth, bestP));
                sum += bestP;
            }
            previous = best;
        }
        return new TextRecognizer.Reading(text.toString(), glyphs.isEmpty() ? 0 : sum / glyphs.size(), glyphs);
    }
}
