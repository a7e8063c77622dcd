package io.gureum.language.translation.apertium;

import io.gureum.core.Problem;
import io.gureum.core.SharedData;
import io.gureum.language.translation.ChrF;
import io.gureum.language.translation.LanguagePair;
import io.gureum.language.translation.ParallelTexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The engine on Debian's apertium and apertium-eng-spa: the same output as the {@code apertium} command for plain
 * text and HTML, pipelines restarted when killed, equal results under concurrency, and the failures a stuck or broken
 * pipeline gives (on throw-away modes that run sed, a real streaming program).
 */
class ApertiumTranslatorTest {
    static final List<String> SENTENCES = List.of(
            "Hello world.",
            "I have two dogs and a xyzzy.",
            "The European Union is a political and economic union of member states that are located primarily in Europe.",
            "Where is the station? It is near the old church, next to the river.",
            "First paragraph.\n\nSecond paragraph, after a blank line.\nA third line.",
            "  Blanks around, [brackets], {braces}, ^carets$, a/b, @user, <tags> and back\\slashes.  ",
            "Prices: 3.5 kg for $12, 50% off; e-mail me at info@example.com!",
            "Ünïcödé “quotes” — dashes… and emoji 😀 stay.");

    private static ApertiumTranslator translator;
    private static LanguagePair engSpa;

    @BeforeAll
    static void start() {
        translator = new ApertiumTranslator(ApertiumTranslator.DEFAULT_DATA_DIR, 2, Duration.ofSeconds(30));
        assumeTrue(translator.isInstalled() && ApertiumCommand.available(),
                "apertium is not installed: sudo apt-get install -y apertium apertium-eng-spa");
        engSpa = translator.pairs().stream().filter(p -> p.name().equals("eng-spa")).findFirst().orElse(null);
        assumeTrue(engSpa != null, "apertium-eng-spa is not installed: sudo apt-get install -y apertium-eng-spa");
    }

    @AfterAll
    static void stop() {
        if (translator != null) translator.close();
    }

    @Test
    void discoversTheInstalledPairWithItsPackage() {
        assertThat(engSpa.from()).isEqualTo("en");
        assertThat(engSpa.to()).isEqualTo("es");
        assertThat(engSpa.engine()).isEqualTo("apertium");
        assertThat(engSpa.model()).isEqualTo("apertium-eng-spa");
        assertThat(engSpa.modelVersion()).isNotBlank();
        assertThat(translator.pairs()).extracting(p -> p.from() + ">" + p.to() + " " + p.name())
                .contains("es>en spa-eng", "es>en-US spa-eng_US");
    }

    @Test
    void plainTextIsByteForByteWhatTheCommandPrints() {
        List<String> ours = translator.translate(engSpa, SENTENCES, false);
        for (int i = 0; i < SENTENCES.size(); i++) {
            assertThat(ours.get(i)).as("translation of %s", SENTENCES.get(i)).isEqualTo(command(SENTENCES.get(i), false, Map.of()));
        }
        assertThat(ours.get(0)).isEqualTo("Hola Mundo.");   // apertium's own capitalisation
        assertThat(ours.get(1)).contains("*xyzzy");   // unknown words are marked, as the command marks them
    }

    @Test
    void everyUdhrSegmentIsWhatTheCommandPrintsAndChrFIsMeasured() throws Exception {
        Path tsv = SharedData.resolve("translation/udhr_eng_spa.tsv");
        assumeTrue(Files.isRegularFile(tsv), "UDHR data not found at " + tsv + " (set GUREUM_SHARED_DATA)");
        List<ParallelTexts.Segment> segments = ParallelTexts.read(tsv, "eng", "spa");
        List<String> sources = segments.stream().map(ParallelTexts.Segment::source).toList();

        long started = System.nanoTime();
        List<String> ours = translator.translate(engSpa, sources, false);
        double oursMs = (System.nanoTime() - started) / 1e6;
        started = System.nanoTime();
        List<String> theirs = inParallel(sources, s -> command(s, false, Map.of()));
        double commandMs = (System.nanoTime() - started) / 1e6;

        for (int i = 0; i < sources.size(); i++) {
            assertThat(ours.get(i)).as("UDHR segment %d: %s", i, sources.get(i)).isEqualTo(theirs.get(i));
        }
        double chrF = ChrF.corpus(ours, segments.stream().map(ParallelTexts.Segment::reference).toList());
        System.out.printf("apertium eng-spa on %d UDHR segments: chrF2 %.2f; identical to `apertium eng-spa`;"
                        + " warm pipeline %.0f ms in all, the command %.0f ms (2 at a time)%n",
                sources.size(), chrF, oursMs, commandMs);
        assertThat(chrF).isGreaterThan(50.0);
    }

    @Test
    void htmlKeepsMarkupExactlyAsTheCommandDoes() {
        List<String> html = List.of(
                "<p>Hello <b>the</b> house &amp; the car&nbsp;is red.</p>",
                "<ul><li>One apple</li><li>Two <a href=\"x.html\">red houses</a></li></ul>",
                "<p>The <i>big</i> dog eats.</p><p>I have two cats.</p>",
                "<div>Second <!-- a comment --> block<br>line</div>",
                "Plain text, no tags & an ampersand.");
        List<String> ours = translator.translate(engSpa, html, true);
        for (int i = 0; i < html.size(); i++) {
            assertThat(ours.get(i)).as("HTML %s", html.get(i)).isEqualTo(command(html.get(i), true, Map.of()));
        }
        assertThat(ours.get(1)).contains("<a href=\"x.html\">").contains("</li></ul>");
    }

    @Test
    void apertiumsOwnHtmlFiltersAlsoMatchTheCommandWithoutTransfuse() throws Exception {
        assumeTrue(Programs.onPath("apertium-deshtml").isPresent(), "apertium-deshtml missing");
        StreamFormat filters = HtmlFormats.apertiumFilters(Map.of("LC_CTYPE", "C.UTF-8"));
        String html = "<p>Hello <b>the</b> house &amp; the caf&eacute; is red.</p><p>I have two cats.</p>";
        String pipeline = translator.pipelineScript(engSpa);
        try (PipelinePool pool = new PipelinePool("eng-spa", pipeline, Map.of("LC_CTYPE", "C.UTF-8"), 1)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String ours;
            try (StreamFormat.Deformatted d = filters.deformat(html, deadline)) {
                List<String> out = new ArrayList<>();
                for (String chunk : d.chunks()) out.add(pool.process(chunk, deadline));
                ours = d.reformat(out, deadline);
            }
            assertThat(ours).isEqualTo(command(html, true, Map.of("APERTIUM_TRANSFUSE", "no")));
        }
    }

    @Test
    void aKilledPipelineIsRestartedAndTheNextTextIsTranslated() throws Exception {
        String expected = translator.translate(engSpa, List.of(SENTENCES.get(2)), false).get(0);
        List<Long> pids = translator.pipelinePids("eng-spa");
        assertThat(pids).isNotEmpty();

        // one stage of every running pipeline: the chain breaks, bash waits on the rest
        for (long pid : pids) {
            ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").endsWith("lt-proc")).ifPresent(ProcessHandle::destroyForcibly);
        }
        assertThat(translator.translate(engSpa, List.of(SENTENCES.get(2)), false)).containsExactly(expected);

        // and every process of the new ones
        for (long pid : translator.pipelinePids("eng-spa")) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        Thread.sleep(100);
        assertThat(translator.translate(engSpa, List.of(SENTENCES.get(2)), false)).containsExactly(expected);
        assertThat(translator.pipelinePids("eng-spa")).doesNotContainAnyElementsOf(pids);
    }

    @Test
    void eightThreadsGetWhatOneThreadGets() throws Exception {
        List<String> sequential = translator.translate(engSpa, SENTENCES, false);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int shift = t;
                runs.add(pool.submit(() -> {
                    List<String> results = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        List<String> rotated = rotate(SENTENCES, shift + round);
                        List<String> out = translator.translate(engSpa, rotated, false);
                        results.addAll(rotate(out, SENTENCES.size() - (shift + round) % SENTENCES.size()));
                    }
                    return results;
                }));
            }
            for (Future<List<String>> run : runs) {
                List<String> results = run.get(120, TimeUnit.SECONDS);
                for (int round = 0; round < 5; round++) {
                    assertThat(results.subList(round * SENTENCES.size(), (round + 1) * SENTENCES.size())).isEqualTo(sequential);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(translator.pipelinePids("eng-spa")).isNotEmpty();
    }

    @Test
    void aStuckPipelineTimesOutAndABrokenOneFailsClearly(@TempDir Path data) throws IOException {
        Files.createDirectories(data.resolve("modes"));
        Files.writeString(data.resolve("modes/xx-yy.mode"), "sed -u s/a/b/\n");       // streams: every 'a' to 'b', once
        Files.writeString(data.resolve("modes/zz-yy.mode"), "sed -u -n /never/p\n");  // reads, never answers
        Files.writeString(data.resolve("modes/xx-zz.mode"), "lt-proc '/nonexistent/apertium-xx-zz/xx-zz.bin'\n");
        try (ApertiumTranslator fake = new ApertiumTranslator(data, 1, Duration.ofMillis(500))) {
            assertThat(fake.pairs()).extracting(LanguagePair::name).containsExactly("xx-yy", "xx-zz", "zz-yy");
            LanguagePair sed = fake.pairs().get(0);
            assertThat(sed.model()).isNull();
            assertThat(fake.translate(sed, List.of("banana [a]"), false)).containsExactly("bbnana [a]");

            LanguagePair stuck = fake.pairs().get(2);
            assertThatThrownBy(() -> fake.translate(stuck, List.of("anything"), false))
                    .isInstanceOfSatisfying(Problem.class, p -> {
                        assertThat(p.status()).isEqualTo(503);
                        assertThat(p.code()).isEqualTo("engine_timeout");
                    });
            assertThat(fake.pipelinePids("zz-yy")).isEmpty();   // killed, not left running

            LanguagePair broken = fake.pairs().get(1);
            assertThatThrownBy(() -> fake.translate(broken, List.of("anything"), false))
                    .isInstanceOfSatisfying(Problem.class, p -> {
                        assertThat(p.code()).isEqualTo("engine_failed");
                        assertThat(p.detail()).contains("xx-zz").contains("/nonexistent/apertium-xx-zz/xx-zz.bin");
                    });
        }
    }

    private static String command(String text, boolean html, Map<String, String> environment) {
        return ApertiumCommand.translate("eng-spa", text, html, environment, Duration.ofSeconds(60));
    }

    private static List<String> inParallel(List<String> texts, java.util.function.Function<String, String> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (String text : texts) futures.add(pool.submit(() -> work.apply(text)));
            List<String> results = new ArrayList<>();
            for (Future<String> f : futures) results.add(f.get(120, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> rotate(List<T> list, int by) {
        int k = by % list.size();
        List<T> rotated = new ArrayList<>(list.subList(k, list.size()));
        rotated.addAll(list.subList(0, k));
        return rotated;
    }
}
