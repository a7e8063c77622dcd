package io.gureum.speech.tts;

import java.util.List;

/**
 * One text-to-speech engine ({@code espeak}, {@code flite}). It speaks one short stretch of text (a sentence or a
 * few) at a time; SSML, sentence splitting, pauses, volume and resampling are done around it by
 * {@link TextToSpeech}, so every engine gets them. Implementations are thread-safe (a lock inside when the native
 * engine is not) and live as long as the process: they wrap process-wide native state.
 */
public interface SpeechSynthesizer {
    /** The engine's name, the prefix of its voice ids ({@code espeak}). */
    String name();

    /** Its voices, in the order it prefers them. */
    List<Voice> voices();

    /**
     * Its voices that speak a language, best first, matched the engine's own way (e.g. espeak knows that
     * {@code zh} is spoken by its {@code cmn} voice); empty when none.
     */
    List<Voice> voicesForLanguage(String languageTag);

    /**
     * Speaks plain text (no markup, no control characters) with one of {@link #voices()}.
     *
     * @param rate  speaking-rate multiplier, 0.5 to 2
     * @param pitch base-frequency multiplier, 0.5 to 1.5
     * @return mono samples at {@code voice.sampleRate()}, possibly none
     */
    short[] synthesize(String text, Voice voice, double rate, double pitch);
}
