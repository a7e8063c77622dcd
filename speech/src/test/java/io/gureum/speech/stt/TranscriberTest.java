package io.gureum.speech.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gureum.core.Problem;
import io.gureum.core.TextDistance;
import io.gureum.speech.LibriVox;
import io.gureum.speech.SpeechModels;
import io.gureum.speech.SpeechClips;
import io.gureum.speech.audio.Audio;
import io.gureum.speech.audio.Resampler;
import io.gureum.speech.stt.ReferenceTranscripts.Utterance;
import io.gureum.speech.stt.sphinx.SphinxRecognizer;
import io.gureum.speech.vad.VoiceActivityDetector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TranscriberTest {
    private static final double GAP = 3.0;
    private static Transcriber transcriber;
    private static List<Utterance> utterances;
    private static List<Audio> clips;

    @BeforeAll
    static void load() {
        VoiceActivityDetector vad = new VoiceActivityDetector(SpeechModels.installed("speech-vad"));
        SphinxRecognizer sphinx = new SphinxRecognizer(() -> SpeechModels.installed(SphinxRecognizer.TASK), 2);
        transcriber = new Transcriber(List.of(sphinx), () -> vad, 2);
        utterances = LibriVox.utterances();
        clips = utterances.stream().map(u -> SpeechClips.read(u.wav())).toList();
    }

    @AfterAll
    static void close() {
        if (transcriber != null) transcriber.engines().forEach(SpeechRecognizer::close);
        if (transcriber != null) transcriber.close();
    }

    /** Where clip i starts in audio made by {@link SpeechClips#joined} with gaps of {@code gap} seconds. */
    private static double[] span(int i, double gap) {
        double at = gap;
        for (int k = 0; k < i; k++) at += clips.get(k).seconds() + gap;
        return new double[] {at, at + clips.get(i).seconds()};
    }

    @Test
    void segmentsOfARecordingLineUpWithItsUtterances() {
        Audio joined = SpeechClips.joined(clips, GAP);
        List<Double> progress = new CopyOnWriteArrayList<>();
        Transcription t = transcriber.transcribe(joined, TranscriptionOptions.DEFAULTS, new Transcriber.Progress() {
            @Override
            public void update(double done) {
                progress.add(done);
            }
        });

        assertThat(t.engine()).isEqualTo("sphinx");
        assertThat(t.model()).isEqualTo("sphinx-en-us@5prealpha");
        assertThat(t.vadModel()).isEqualTo("silero-vad@1.0.3");
        assertThat(t.language()).isEqualTo("en-US");
        assertThat(t.durationSeconds()).isCloseTo(joined.seconds(), org.assertj.core.api.Assertions.within(0.01));
        assertThat(t.segments()).hasSize(clips.size());
        int errors = 0;
        int words = 0;
        for (int i = 0; i < clips.size(); i++) {
            Transcription.Segment s = t.segments().get(i);
            double[] span = span(i, GAP);
            assertThat(s.start()).as("segment %d start", i).isBetween(span[0] - 0.3, span[0] + 0.6);
            assertThat(s.end()).as("segment %d end", i).isBetween(span[1] - 0.6, span[1] + 0.3);
            assertThat(s.words()).allSatisfy(w -> assertThat(w.start()).isBetween(s.start(), s.end()));
            errors += TextDistance.wordErrors(TranscriptNormalizer.normalize(utterances.get(i).text()), TranscriptNormalizer.normalize(s.text()));
            words += TextDistance.wordCount(utterances.get(i).text());
        }
        System.out.printf("joined recording: WER %d/%d%n", errors, words);
        assertThat((double) errors / words).isLessThanOrEqualTo(0.3);
        assertThat(progress).isSorted().last().isEqualTo(1.0);
    }

    @Test
    void anySampleRateIsResampledFirst() {
        Audio at44k = Resampler.resample(clips.get(0), 44_100);
        Transcription t = transcriber.transcribe(at44k, TranscriptionOptions.DEFAULTS, Transcriber.Progress.NONE);
        String hyp = TranscriptNormalizer.normalize(t.text());
        assertThat(TextDistance.wordErrorRate(TranscriptNormalizer.normalize(utterances.get(0).text()), hyp)).isLessThanOrEqualTo(0.3);
    }

    @Test
    void silenceTranscribesToNothing() {
        Transcription t = transcriber.transcribe(new Audio(new float[16_000 * 5], 16_000), TranscriptionOptions.DEFAULTS, Transcriber.Progress.NONE);
        assertThat(t.segments()).isEmpty();
        assertThat(t.text()).isEmpty();
    }

    @Test
    void cancelingStopsIt() {
        Audio joined = SpeechClips.joined(clips, 0.5);
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> transcriber.transcribe(joined, TranscriptionOptions.DEFAULTS, new Transcriber.Progress() {
            @Override
            public boolean canceled() {
                return asked.incrementAndGet() > 1;
            }
        })).isInstanceOf(CancellationException.class);
    }

    @Test
    void unknownEngineIsAClearError() {
        assertThatThrownBy(() -> transcriber.transcribe(clips.get(1), new TranscriptionOptions("nope", null), Transcriber.Progress.NONE))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.code()).isEqualTo("unknown_engine");
                    assertThat(p.detail()).contains("sphinx");
                });
    }

    @Test
    void streamingGivesPartialResultsThenAFinalOnePerUtterance() {
        Audio joined = SpeechClips.joined(List.of(clips.get(0), clips.get(3)), 1.5);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<Transcription.Segment> finals = new CopyOnWriteArrayList<>();
        StreamingTranscription stream = new StreamingTranscription(transcriber, TranscriptionOptions.DEFAULTS, new StreamingTranscription.Listener() {
            @Override
            public void partial(double start, String text) {
                events.add("partial " + start + " " + text);
            }

            @Override
            public void result(Transcription.Segment segment) {
                events.add("final " + segment.start() + " " + segment.text());
                finals.add(segment);
            }

            @Override
            public void failed(RuntimeException error) {
                events.add("failed " + error);
            }
        });
        float[] samples = joined.samples();
        for (int at = 0; at < samples.length; at += 320) { // 20 ms frames, as a microphone sends them
            float[] frame = java.util.Arrays.copyOfRange(samples, at, Math.min(samples.length, at + 320));
            stream.accept(frame, frame.length);
        }
        stream.finish(60);
        events.forEach(System.out::println);

        assertThat(events).noneMatch(e -> e.startsWith("failed"));
        assertThat(finals).hasSize(2);
        assertThat(events.get(0)).startsWith("partial");
        assertThat(finals.get(0).start()).isBetween(1.0, 2.0);
        assertThat(finals.get(1).start()).isGreaterThan(finals.get(0).end());
        assertThat(TextDistance.wordErrorRate(TranscriptNormalizer.normalize(utterances.get(0).text()),
                TranscriptNormalizer.normalize(finals.get(0).text()))).isLessThan(0.35);
        // a partial result of the first utterance comes before its final one
        int firstFinal = events.indexOf(events.stream().filter(e -> e.startsWith("final")).findFirst().orElseThrow());
        assertThat(events.subList(0, firstFinal)).anyMatch(e -> e.startsWith("partial"));
    }
}
