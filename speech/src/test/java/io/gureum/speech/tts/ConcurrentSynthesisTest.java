package io.gureum.speech.tts;

import io.gureum.speech.tts.flite.FliteSynthesizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.gureum.speech.tts.TextToSpeechTest.ENGLISH;
import static io.gureum.speech.tts.TextToSpeechTest.KOREAN;
import static io.gureum.speech.tts.TextToSpeechTest.longText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Eight threads speaking at once through the same engines each get what they would get alone: flite exactly;
 * espeak up to its pitch flutter (see {@link io.gureum.speech.tts.espeak.EspeakSynthesizer}), i.e. the same
 * chunks, each of the same length within 3% (flutter moves a short slow chunk by up to 2%) and the same loudness
 * within 5%, which a chunk of another request's speech, or a lost one, would break.
 */
class ConcurrentSynthesisTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 3;

    private final TextToSpeech tts = TextToSpeech.installed();

    private record Case(SynthesisRequest request, boolean exact) {}

    @Test
    void eightThreadsAtOnceEachGetWhatTheyWouldAlone() throws Exception {
        TextToSpeechTest.assumeEspeak();
        boolean flite = FliteSynthesizer.load().isPresent();
        List<Case> cases = new ArrayList<>(List.of(
                new Case(SynthesisRequest.ofText(longText(KOREAN, 300), "espeak:ko"), false),
                new Case(SynthesisRequest.ofText(longText(ENGLISH, 400), "espeak:en-us"), false),
                new Case(SynthesisRequest.ofText("Guten Tag. Wie geht es Ihnen heute? Das Wetter ist schön.", "de"), false),
                new Case(SynthesisRequest.ofText(longText(ENGLISH, 300), "espeak:en-gb").withRate(1.5).withPitch(20), false),
                new Case(SynthesisRequest.ofSsml("<speak xml:lang=\"ko\">" + KOREAN + "<break time=\"300ms\"/>"
                        + "<prosody rate=\"slow\">천천히 말합니다.</prosody></speak>", null), false)));
        String fliteVoice = flite ? "flite:slt" : "espeak:en-us";
        cases.add(new Case(SynthesisRequest.ofText(longText(ENGLISH, 300), fliteVoice), flite));
        cases.add(new Case(SynthesisRequest.ofText(longText(ENGLISH, 300), flite ? "flite:kal16" : "espeak:fr-fr")
                .withPitch(-20), flite));
        cases.add(new Case(SynthesisRequest.ofSsml("<speak>Hello <say-as interpret-as=\"characters\">abc</say-as>."
                + "<prosody pitch=\"+3st\">Higher now.</prosody></speak>", fliteVoice).withRate(0.8), flite));
        assertThat(cases).hasSize(THREADS);

        List<RecordingSink> alone = new ArrayList<>();
        for (Case c : cases) alone.add(speak(c.request()));

        CyclicBarrier together = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<RecordingSink>>> futures = new ArrayList<>();
            for (Case c : cases) {
                futures.add(pool.submit(() -> {
                    List<RecordingSink> outputs = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        together.await(30, TimeUnit.SECONDS);
                        outputs.add(speak(c.request()));
                    }
                    return outputs;
                }));
            }
            for (int i = 0; i < THREADS; i++) {
                Case c = cases.get(i);
                for (RecordingSink output : futures.get(i).get(2, TimeUnit.MINUTES)) {
                    assertSameSpeech(c, alone.get(i), output);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertSameSpeech(Case c, RecordingSink alone, RecordingSink output) {
        String which = c.request().voice() + ": " + (c.request().text() != null ? c.request().text() : c.request().ssml());
        if (c.exact()) {
            assertThat(output.samples()).as(which).isEqualTo(alone.samples());
            return;
        }
        assertThat(output.writes()).as(which).isEqualTo(alone.writes());
        for (int i = 0; i < alone.writes(); i++) {
            short[] expected = alone.chunks().get(i);
            short[] actual = output.chunks().get(i);
            String chunk = String.format(Locale.ROOT, "chunk %d of %s", i, which);
            assertThat((double) actual.length).as(chunk).isCloseTo(expected.length, within(expected.length * 0.03));
            double rms = Signals.rms(expected, 0, expected.length);
            assertThat(Signals.rms(actual, 0, actual.length)).as(chunk).isCloseTo(rms, within(rms * 0.05));
        }
    }

    private RecordingSink speak(SynthesisRequest request) throws Exception {
        RecordingSink sink = new RecordingSink();
        tts.synthesize(request, sink);
        return sink;
    }
}
