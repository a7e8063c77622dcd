package io.gureum.speech.tts;

/**
 * What to say and how. Exactly one of {@code text} and {@code ssml} is given; {@link TextToSpeech#synthesize}
 * validates the rest and says what is wrong.
 *
 * @param text   plain text, or null when {@code ssml} is given
 * @param ssml   an SSML document ({@code <speak>...</speak>}, the subset {@link TextToSpeech} documents), or null
 * @param voice  a voice id ({@code espeak:ko}), a language tag ({@code ko}, {@code en-US}: that language's default
 *               voice), or null: the SSML's {@code xml:lang}, else {@value TextToSpeech#DEFAULT_LANGUAGE}
 * @param rate   speaking-rate multiplier, {@value #MIN_RATE} to {@value #MAX_RATE}; 1 is the voice's normal rate
 * @param pitch  change of the voice's base pitch in percent, {@value #MIN_PITCH} to {@value #MAX_PITCH}:
 *               -50 is half the frequency (an octave down), +50 is 1.5 times (a fifth up), 0 unchanged
 * @param volume amplitude multiplier, {@value #MIN_VOLUME} (silent) to {@value #MAX_VOLUME}; 1 unchanged
 */
public record SynthesisRequest(String text, String ssml, String voice, double rate, double pitch, double volume) {
    public static final double MIN_RATE = 0.5;
    public static final double MAX_RATE = 2.0;
    public static final double MIN_PITCH = -50;
    public static final double MAX_PITCH = 50;
    public static final double MIN_VOLUME = 0;
    public static final double MAX_VOLUME = 2.0;

    /** Plain text at the voice's normal rate, pitch and volume. */
    public static SynthesisRequest ofText(String text, String voice) {
        return new SynthesisRequest(text, null, voice, 1, 0, 1);
    }

    /** An SSML document at the voice's normal rate, pitch and volume (the document's prosody applies on top). */
    public static SynthesisRequest ofSsml(String ssml, String voice) {
        return new SynthesisRequest(null, ssml, voice, 1, 0, 1);
    }

    public SynthesisRequest withRate(double rate) {
        return new SynthesisRequest(text, ssml, voice, rate, pitch, volume);
    }

    public SynthesisRequest withPitch(double pitch) {
        return new SynthesisRequest(text, ssml, voice, rate, pitch, volume);
    }

    public SynthesisRequest withVolume(double volume) {
        return new SynthesisRequest(text, ssml, voice, rate, pitch, volume);
    }

    /** The rate, pitch and volume as the multipliers engines take. */
    Prosody prosody() {
        return new Prosody(rate, 1 + pitch / 100, volume);
    }
}
