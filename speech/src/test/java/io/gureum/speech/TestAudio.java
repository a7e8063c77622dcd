package io.gureum.speech;

import io.gureum.speech.audio.Audio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Audio for tests: files decoded, and clips joined with silence between them. */
public final class TestAudio {
    private TestAudio() {}

    public static Audio read(Path wav) {
        // 16-bit mono PCM only (the LibriVox files); TODO use AudioDecoder once merged
        try (javax.sound.sampled.AudioInputStream in = javax.sound.sampled.AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] b = in.readAllBytes();
            float[] s = new float[b.length / 2];
            for (int i = 0; i < s.length; i++) s[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8)) / 32768f;
            return new Audio(s, (int) in.getFormat().getSampleRate());
        } catch (IOException | javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IllegalStateException(e);
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
