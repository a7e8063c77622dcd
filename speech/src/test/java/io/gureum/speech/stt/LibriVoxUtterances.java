package io.gureum.speech.stt;

import io.gureum.core.SharedData;
import io.gureum.speech.audio.Audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The five LibriVox utterances of the shared evaluation data ({@code speech/pocketsphinx_librivox}: 16 kHz mono
 * WAV files and a Sphinx {@code transcription} file, lines {@code <s> words </s> (file-id)}), and word error rate.
 * Read with the JDK's WAV reader so that engine tests do not depend on the audio package's decoders.
 */
public record LibriVoxUtterances(Path dir) {
    public static final String FOLDER = "speech/pocketsphinx_librivox";
    private static final Pattern LINE = Pattern.compile("(?:<s>)?(.*?)(?:</s>)?\\s*\\((\\S+)\\)\\s*");

    public record Utterance(String id, Audio audio, String reference) {}

    public static LibriVoxUtterances locate() {
        return new LibriVoxUtterances(SharedData.resolve(FOLDER));
    }

    public boolean present() {
        return Files.isRegularFile(dir.resolve("transcription"));
    }

    public List<Utterance> read() throws IOException, UnsupportedAudioFileException {
        List<Utterance> utterances = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("transcription"))) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) continue;
            utterances.add(new Utterance(m.group(2), readWav(dir.resolve(m.group(2) + ".wav")), m.group(1).strip()));
        }
        return utterances;
    }

    /** Word error rate of {@code hypothesis} against {@code reference}, both lower-cased, without punctuation. */
    public static double wordErrorRate(String reference, String hypothesis) {
        List<String> ref = words(reference);
        List<String> hyp = words(hypothesis);
        int[] previous = new int[hyp.size() + 1];
        int[] current = new int[hyp.size() + 1];
        for (int j = 0; j <= hyp.size(); j++) previous[j] = j;
        for (int i = 1; i <= ref.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= hyp.size(); j++) {
                int substitution = previous[j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[hyp.size()] / (double) ref.size();
    }

    private static List<String> words(String text) {
        String plain = text.toLowerCase(Locale.ROOT).replace("mr.", "mister").replaceAll("[^\\p{L}\\p{N}' ]", " ").strip();
        return plain.isEmpty() ? List.of() : Arrays.asList(plain.split("\\s+"));
    }

    private static Audio readWav(Path file) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = in.getFormat();
            if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16 || format.isBigEndian()
                    || format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
                throw new UnsupportedAudioFileException(file + " is not 16-bit little-endian mono PCM: " + format);
            }
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] samples = new float[bytes.remaining() / 2];
            for (int i = 0; i < samples.length; i++) samples[i] = bytes.getShort() / 32768f;
            return new Audio(samples, Math.round(format.getSampleRate()));
        }
    }
}
