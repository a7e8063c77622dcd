package io.gureum.speech.vad;

import static org.assertj.core.api.Assertions.assertThat;

import io.gureum.speech.LibriVox;
import io.gureum.speech.SpeechModels;
import io.gureum.speech.SpeechClips;
import io.gureum.speech.audio.Audio;
import io.gureum.speech.stt.ReferenceTranscripts.Utterance;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VoiceActivityDetectorTest {
    private static VoiceActivityDetector vad;

    @BeforeAll
    static void load() {
        vad = new VoiceActivityDetector(SpeechModels.installed("speech-vad"));
    }

    @AfterAll
    static void close() {
        vad.close();
    }

    @Test
    void silenceAndQuietNoiseHaveNoSpeech() {
        float[] noise = new float[16_000 * 3];
        java.util.Random random = new java.util.Random(7);
        for (int i = 16_000; i < noise.length; i++) noise[i] = (float) (random.nextGaussian() * 0.003);
        assertThat(vad.segments(new Audio(noise, 16_000), VadOptions.TRANSCRIPTION)).isEmpty();
    }

    @Test
    void eachUtteranceSeparatedBySilenceIsOneSegmentAtItsPlace() {
        List<Utterance> utterances = LibriVox.utterances();
        List<Audio> clips = utterances.stream().map(u -> SpeechClips.read(u.wav())).toList();
        Audio joined = SpeechClips.joined(clips, 2.0);
        List<SpeechSegment> segments = vad.segments(joined, VadOptions.TRANSCRIPTION);

        // Where each clip sits in the joined audio: every segment lies within one clip (plus padding), and
        // every clip is covered for most of its length.
        double at = 2.0;
        double[][] clipSpans = new double[clips.size()][];
        for (int i = 0; i < clips.size(); i++) {
            clipSpans[i] = new double[] {at, at + clips.get(i).seconds()};
            at += clips.get(i).seconds() + 2.0;
        }
        for (SpeechSegment s : segments) {
            assertThat(java.util.Arrays.asList(clipSpans)).as("segment %.2f-%.2f lies in a clip", s.startSeconds(), s.endSeconds())
                    .anySatisfy(span -> {
                        assertThat(s.startSeconds()).isGreaterThanOrEqualTo(span[0] - 0.2);
                        assertThat(s.endSeconds()).isLessThanOrEqualTo(span[1] + 0.2);
                    });
        }
        for (double[] span : clipSpans) {
            double covered = segments.stream()
                    .mapToDouble(s -> Math.max(0, Math.min(s.endSeconds(), span[1]) - Math.max(s.startSeconds(), span[0])))
                    .sum();
            assertThat(covered / (span[1] - span[0])).as("speech found in clip at %.1f s", span[0]).isGreaterThan(0.6);
        }
    }

    @Test
    void longSpeechIsCutIntoSegmentsNoLongerThanTheMaximum() {
        List<Audio> clips = LibriVox.utterances().stream().map(u -> SpeechClips.read(u.wav())).toList();
        Audio continuous = SpeechClips.joined(clips, 0.05); // 25 s of speech with no pause long enough to end it
        VadOptions options = new VadOptions(0.5, 250, 400, 8, 0);
        List<SpeechSegment> segments = vad.segments(continuous, options);
        assertThat(segments).hasSizeGreaterThan(2);
        assertThat(segments).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(8 * 16_000));
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).start()).isGreaterThanOrEqualTo(segments.get(i - 1).end());
        }
    }

    @Test
    void hysteresisKeepsShortDipsInsideOneSegment() {
        float[] probs = new float[100];
        java.util.Arrays.fill(probs, 10, 60, 0.9f);
        probs[30] = 0.2f; // one 32 ms dip: shorter than the minimum silence
        probs[31] = 0.4f; // between the two thresholds: still speech
        List<SpeechSegment> segments = VoiceActivityDetector.segments(probs, 100 * 512, new VadOptions(0.5, 250, 400, 20, 0));
        assertThat(segments).containsExactly(new SpeechSegment(10 * 512, 60 * 512));
    }
}
