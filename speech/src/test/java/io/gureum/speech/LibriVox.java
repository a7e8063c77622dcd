package io.gureum.speech;

import io.gureum.core.SharedData;
import io.gureum.speech.stt.ReferenceTranscripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The five LibriVox utterances of pocketsphinx's test data in {@code ../shared/data/speech/pocketsphinx_librivox}
 * (16 kHz mono WAV, 24.7 s in all) with their references; tests skip when the data is absent.
 */
public final class LibriVox {
    private LibriVox() {}

    public static Path dir() {
        return SharedData.resolve("speech/pocketsphinx_librivox");
    }

    public static List<ReferenceTranscripts.Utterance> utterances() {
        Path dir = dir();
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("transcription")), "no LibriVox sample in " + dir);
        try {
            return ReferenceTranscripts.read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
