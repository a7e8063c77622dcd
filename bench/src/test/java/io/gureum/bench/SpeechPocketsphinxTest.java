package io.gureum.bench;

import io.gureum.core.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class SpeechPocketsphinxTest {
    @Test
    void theLogIsOffSoStdoutIsTheWords() {
        assertThat(SpeechPocketsphinx.command("pocketsphinx_continuous", Path.of("/d/a.wav")))
                .containsExactly("pocketsphinx_continuous", "-infile", "/d/a.wav", "-logfn", "/dev/null");
    }

    @Test
    void aLinePerStretchOfSpeechBecomesOneText() {
        assertThat(SpeechPocketsphinx.words("he was not an illness those young man\n\nhomeless to be rather cold\n"))
                .isEqualTo("he was not an illness those young man homeless to be rather cold");
        assertThat(SpeechPocketsphinx.words("")).isEmpty();
    }

    @Test
    void matchLinesGiveWordsByUtterance() {
        Map<String, String> m = SpeechPocketsphinx.parseMatch(List.of(
                "he was not an illness those young man (sense_and_sensibility_01_austen_64kb-0880 -11423)",
                "",
                "(empty-utterance -5)"));
        assertThat(m).containsExactly(Map.entry("sense_and_sensibility_01_austen_64kb-0880", "he was not an illness those young man"),
                Map.entry("empty-utterance", ""));
    }

    @Test
    void thePublishedMatchFileReads() throws IOException {
        Path match = SharedData.resolve(SpeechBench.DATA).resolve("test-lm.match");
        assumeThat(Files.isRegularFile(match)).as("shared data with " + match).isTrue();
        assertThat(SpeechPocketsphinx.parseMatch(Files.readAllLines(match))).hasSize(5);
    }
}
