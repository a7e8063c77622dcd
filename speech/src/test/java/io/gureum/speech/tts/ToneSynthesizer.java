package io.gureum.speech.tts;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in engine for tests of what {@link TextToSpeech} does around engines (validation, SSML, chunking,
 * pauses, volume, resampling) that must run where no Debian engine is installed: every character is 10 ms of a
 * 200 Hz tone, scaled by rate and pitch. It remembers what it was asked to say.
 */
final class ToneSynthesizer implements SpeechSynthesizer {
    static final Voice ENGLISH = new Voice("tone:en", "Tone (English)", "en-US", Voice.FEMALE, "tone", 16_000);
    static final Voice ENGLISH_MALE = new Voice("tone:en-m", "Tone (English, male)", "en-US", Voice.MALE, "tone", 16_000);
    static final Voice KOREAN = new Voice("tone:ko", "Tone (Korean)", "ko", Voice.MALE, "tone", 22_050);

    record Spoken(String text, Voice voice, double rate, double pitch) {}

    final List<Spoken> spoken = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "tone";
    }

    @Override
    public List<Voice> voices() {
        return List.of(ENGLISH, ENGLISH_MALE, KOREAN);
    }

    @Override
    public List<Voice> voicesForLanguage(String languageTag) {
        String primary = languageTag.toLowerCase(Locale.ROOT).split("-")[0];
        return voices().stream().filter(v -> v.language().toLowerCase(Locale.ROOT).startsWith(primary)).toList();
    }

    @Override
    public short[] synthesize(String text, Voice voice, double rate, double pitch) {
        spoken.add(new Spoken(text, voice, rate, pitch));
        int n = (int) (text.length() * voice.sampleRate() / 100 / rate);
        short[] samples = new short[n];
        for (int i = 0; i < n; i++) {
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 200 * pitch * i / voice.sampleRate()));
        }
        return samples;
    }
}
