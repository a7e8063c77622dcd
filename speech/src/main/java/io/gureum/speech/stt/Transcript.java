package io.gureum.speech.stt;

import java.util.List;

/**
 * What an engine heard in one stretch of speech.
 *
 * @param text     the words as text (engine's casing, no filler tokens)
 * @param words    per-word times and confidences, empty when the engine gives none
 * @param language the language transcribed (a BCP 47 tag), detected or as asked
 */
public record Transcript(String text, List<Word> words, String language) {
    public Transcript {
        words = List.copyOf(words);
    }

    /**
     * One recognised word.
     *
     * @param start      seconds from the start of the audio given to the engine
     * @param confidence 0..1, or null when the engine gives none
     */
    public record Word(String text, double start, double end, Double confidence) {
        public Word shifted(double seconds) {
            return new Word(text, start + seconds, end + seconds, confidence);
        }
    }
}
