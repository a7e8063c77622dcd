package io.gureum.speech;

import io.gureum.speech.audio.Audio;
import io.gureum.speech.audio.AudioDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Audio for tests: files decoded, and clips joined with silence between them. */
public final class SpeechClips {
    private SpeechClips() {}

    public static Audio read(Path file) {
        try {
            return new AudioDecoder().decode(Files.readAllBytes(file), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The clips one after another with {@code silenceSeconds} of digital silence before, between and after. */
    public static Audio joined(List<Audio> clips, double silenceSeconds) {
        int rate = clips.get(0).sampleRate();
        int gap = (int) Math.round(silenceSeconds * rate);
        int total = gap;
        for (Audio a : clips) total += a.samples().length + gap;
        float[] out = new float[total];
        int pos = gap;
        for (Audio a : clips) {
            System.arraycopy(a.samples(), 0, out, pos, a.samples().length);
            pos += a.samples().length + gap;
        }
        return new Audio(out, rate);
    }
}
