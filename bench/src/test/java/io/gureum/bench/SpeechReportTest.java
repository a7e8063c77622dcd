package io.gureum.bench;

import io.gureum.bench.SpeechReport.SttItem;
import io.gureum.bench.SpeechReport.SttSide;
import io.gureum.bench.SpeechReport.TtsItem;
import io.gureum.bench.SpeechReport.TtsSide;
import io.gureum.speech.audio.Audio;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpeechReportTest {
    private static SttSide side(String id, String hypothesis, double seconds, List<Double> load) {
        SttItem a = new SttItem("a", 2.0, "Mr. Smith went home", hypothesis, List.of(seconds, seconds * 3, seconds / 2), List.of(seconds, seconds, seconds));
        SttItem b = new SttItem("b", 2.0, "it was late", "it was late", List.of(seconds), List.of(seconds * 2));
        SttItem joined = new SttItem("joined", 5.0, "Mr. Smith went home it was late", hypothesis + " it was late", List.of(seconds * 2),
                List.of(seconds * 3));
        return new SttSide(id, id, Map.of(), List.of(a, b), joined, load, 0.0, null);
    }

    @Test
    void werIsPooledOverUtterancesAfterNormalising() {
        SttSide s = side("gureum", "mister smith went home", 1.0, List.of());
        assertThat(s.errors()).isZero(); // "Mr." and "mister" are one word after normalising
        assertThat(s.words()).isEqualTo(7);
        SttSide p = side("pocketsphinx", "mister smith when", 1.0, List.of());
        assertThat(p.errors()).isEqualTo(2);
        assertThat(p.wer()).isCloseTo(2 / 7.0, within(1e-9));
    }

    @Test
    void rtfSumsTheMediansOverTheAudioAndCanTakeTheLoadOff() {
        SttSide s = side("pocketsphinx", "x", 1.0, List.of(0.3, 0.2, 0.4));
        // medians: a 1.0 (of 1, 3, 0.5), b 1.0; 4 s of audio
        assertThat(s.rtf()).isCloseTo(0.5, within(1e-9));
        assertThat(s.loadMedian()).isCloseTo(0.3, within(1e-9));
        assertThat(s.rtfWithoutLoad()).isCloseTo(1.4 / 4, within(1e-9));
        assertThat(s.cpuRtf()).isCloseTo(3.0 / 4, within(1e-9));
    }

    @Test
    void theTableShowsRatiosAndTheTargets() {
        Map<String, Object> setup = new LinkedHashMap<>(Map.of("cores", 2));
        SttSide ours = side(SpeechReport.GUREUM_STT, "mister smith went home", 0.4, List.of());
        SttSide peer = side(SpeechReport.POCKETSPHINX, "mister smith when", 1.0, List.of(0.3));
        TtsItem quick = new TtsItem(SpeechTexts.SHORT, List.of(new SpeechWav.Timed(0.02, 0.02, 0.03, 100_000, 2.0)));
        TtsItem slow = new TtsItem(SpeechTexts.LONG, List.of(new SpeechWav.Timed(0.15, 0.15, 0.4, 4_000_000, 120.0)));
        TtsSide http = new TtsSide(SpeechReport.GUREUM_HTTP, "gureum over HTTP", Map.of(), quick, slow, 0.0, null);
        TtsSide cli = TtsSide.skipped(SpeechReport.ESPEAK_CLI, "espeak-ng command line", "cannot run espeak-ng");
        SpeechReport report = new SpeechReport(setup, List.of(ours, peer), new SpeechReport.Published(2, 7), List.of(http, cli));

        String table = report.table();
        assertThat(table).contains("0/7 0.0%").contains("2/7 28.6%").contains("2.50") // pocketsphinx's RTF is 2.5× ours
                .contains("without its model load (0.30 s a run)").contains("skipped: cannot run espeak-ng");
        assertThat(report.targets()).satisfiesExactly(
                wer -> assertThat(wer).startsWith("STT WER").endsWith("PASS"),
                rtf -> assertThat(rtf).contains("on 2 cores").endsWith("PASS"), // 0.2 one by one, 0.16 joined
                first -> assertThat(first).contains("20.0 ms short, 150 ms long").endsWith("MISS"));
        assertThat(report.toMap()).containsKeys("setup", "speechToText", "textToSpeech", "targets");
    }

    @Test
    void joiningPutsSilenceBetweenTheClipsOnly() {
        Audio a = new Audio(new float[]{1, 1}, 4);
        Audio b = new Audio(new float[]{2}, 4);
        Audio joined = SpeechBench.joined(List.of(a, b), 0.5);
        assertThat(joined.samples()).containsExactly(1, 1, 0, 0, 2);
        assertThat(joined.sampleRate()).isEqualTo(4);
    }
}
