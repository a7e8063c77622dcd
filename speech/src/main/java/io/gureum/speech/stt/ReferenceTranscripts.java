package io.gureum.speech.stt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reference transcriptions in CMU Sphinx's evaluation format, one utterance per line:
 * {@code <s> words </s> (utterance-id)}, with the audio beside it as {@code utterance-id.wav}. What word error
 * rates are measured against (tests and {@code ./gureum bench speech}).
 */
public final class ReferenceTranscripts {
    public record Utterance(String id, Path wav, String text) {}

    private ReferenceTranscripts() {}

    /** Reads {@code dir/transcription}; each utterance's audio is {@code dir/<id>.wav}. */
    public static List<Utterance> read(Path dir) throws IOException {
        List<Utterance> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("transcription"))) {
            if (line.isBlank()) continue;
            int open = line.lastIndexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < open) throw new IOException("not a Sphinx transcription line: " + line);
            String id = line.substring(open + 1, close).trim();
            String text = line.substring(0, open).replace("<s>", " ").replace("</s>", " ").trim().replaceAll("\\s+", " ");
            out.add(new Utterance(id, dir.resolve(id + ".wav"), text));
        }
        return out;
    }
}
