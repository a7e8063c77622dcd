package io.gureum.bench;

import io.gureum.bench.OcrReport.Engine;
import io.gureum.bench.OcrReport.PageResult;
import io.gureum.bench.OcrReport.Summary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OcrReportTest {
    private static PageResult page(String engine, String page, int chars, int words, double cer, double wer, double... seconds) {
        List<Double> s = java.util.Arrays.stream(seconds).boxed().toList();
        return new PageResult(engine, OcrPages.ENGLISH_SET, page, chars, words, "text", cer, wer, 1 - wer, s, 0.0, null);
    }

    private static OcrPages.Page truth(String name) {
        return new OcrPages.Page(OcrPages.ENGLISH_SET, name, java.nio.file.Path.of(name + ".tif"), "a b", "en", false, new byte[0]);
    }

    private static final List<Engine> ENGINES = List.of(
            new Engine("paddle", "gureum paddle", true, Map.of(), null),
            new Engine("tesseract", "gureum tesseract", true, Map.of(), null),
            new Engine(TesseractCli.ID, "tesseract CLI", false, Map.of(), null),
            new Engine(TesseractCli.ID_ONE_THREAD, "tesseract CLI 1 thread", false, Map.of(), null),
            new Engine(OcrBench.RAPIDOCR, "RapidOCR", false, Map.of(), "no jar"));

    @Test
    void theMedianIsTheMiddleRunOrTheMeanOfTheMiddleTwo() {
        assertThat(OcrReport.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(OcrReport.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(OcrReport.median(List.of(7.0))).isEqualTo(7.0);
        assertThat(OcrReport.median(List.of())).isNaN();
    }

    @Test
    void pooledRatesWeighPagesByTheirLengthAndMeansWeighThemTheSame() {
        List<PageResult> results = List.of(
                page("paddle", "short", 100, 20, 0.10, 0.20, 1.0, 3.0, 2.0),
                page("paddle", "long", 900, 180, 0.00, 0.00, 5.0, 4.0, 6.0));
        Summary s = OcrReport.summarise("paddle", OcrPages.ENGLISH_SET, results).orElseThrow();
        assertThat(s.pages()).isEqualTo(2);
        assertThat(s.failed()).isZero();
        assertThat(s.truthChars()).isEqualTo(1000);
        assertThat(s.cer()).isCloseTo(10.0 / 1000, within(1e-12));   // 10 edits over 1000 characters
        assertThat(s.wer()).isCloseTo(4.0 / 200, within(1e-12));
        assertThat(s.wordRecall()).isCloseTo(196.0 / 200, within(1e-12));
        assertThat(s.meanCer()).isCloseTo(0.05, within(1e-12));
        assertThat(s.meanWer()).isCloseTo(0.10, within(1e-12));
        assertThat(s.totalSeconds()).isCloseTo(2.0 + 5.0, within(1e-12)); // the medians
        assertThat(s.meanSeconds()).isCloseTo(3.5, within(1e-12));
    }

    @Test
    void failedPagesAreCountedApartAndAnEngineWithoutPagesHasNoSummary() {
        List<PageResult> results = List.of(
                page("paddle", "a", 100, 20, 0.10, 0.20, 1.0),
                PageResult.failed("paddle", truth("b"), "boom"));
        Summary s = OcrReport.summarise("paddle", OcrPages.ENGLISH_SET, results).orElseThrow();
        assertThat(s.pages()).isEqualTo(1);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(OcrReport.summarise("tesseract", OcrPages.ENGLISH_SET, results)).isEmpty();
        assertThat(OcrReport.summarise("paddle", OcrPages.KOREAN_SET, results)).isEmpty();
    }

    @Test
    void theTargetLineTakesTheGureumEngineWithTheLowestCerThatReadEveryPage() {
        List<PageResult> results = List.of(
                page("paddle", "a", 100, 20, 0.01, 0.05, 0.5),
                PageResult.failed("paddle", truth("b"), "boom"),           // lowest CER but missed a page
                page("tesseract", "a", 100, 20, 0.04, 0.10, 1.0),
                page("tesseract", "b", 100, 20, 0.06, 0.10, 3.0),
                page(TesseractCli.ID, "a", 100, 20, 0.04, 0.10, 4.0),
                page(TesseractCli.ID, "b", 100, 20, 0.06, 0.10, 6.0),
                page(TesseractCli.ID_ONE_THREAD, "a", 100, 20, 0.04, 0.10, 2.0),
                page(TesseractCli.ID_ONE_THREAD, "b", 100, 20, 0.06, 0.10, 3.0));
        OcrReport report = new OcrReport(Map.of(), ENGINES, results, 3, 1, List.of());
        assertThat(report.bestGureum().orElseThrow().engine()).isEqualTo("tesseract");
        assertThat(report.targetLine()).isEqualTo("best Gureum engine (gureum tesseract) vs Tesseract CLI: CER 5.00% vs 5.00%, "
                + "seconds/page 2.00 vs 5.00 (2.50 with OMP_THREAD_LIMIT=1)");
    }

    @Test
    void theTargetLineSaysWhatIsMissing() {
        OcrReport none = new OcrReport(Map.of(), ENGINES, List.of(page(TesseractCli.ID, "a", 100, 20, 0.04, 0.10, 4.0)), 3, 1, List.of());
        assertThat(none.targetLine()).contains("no Gureum engine read every English page");
        OcrReport noCli = new OcrReport(Map.of(), ENGINES, List.of(page("paddle", "a", 100, 20, 0.04, 0.10, 4.0)), 3, 1, List.of());
        assertThat(noCli.targetLine()).contains("the Tesseract CLI did not read every English page");
    }

    @Test
    void wordsFoundIgnoreOrderButCountEachWordOnce() {
        assertThat(OcrReport.wordRecall("the quick brown fox", "fox brown\nquick the")).isEqualTo(1.0);
        assertThat(OcrReport.wordRecall("the the cat", "the cat")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(OcrReport.wordRecall("a b c d", "a x")).isEqualTo(0.25);
        assertThat(OcrReport.wordRecall("  ", "anything")).isEqualTo(1.0);
    }

    @Test
    void theTableListsEveryPageTheSummariesSkippedEnginesAndTheTarget() {
        List<PageResult> results = List.of(
                page("tesseract", "phototest", 284, 60, 0.0, 0.0, 0.26),
                page(TesseractCli.ID, "phototest", 284, 60, 0.0, 0.0, 0.96),
                PageResult.failed("paddle", truth("phototest"), "models not installed"));
        String table = new OcrReport(Map.of(), ENGINES, results, 3, 1, List.of("a note")).table();
        assertThat(table).contains("median of 3 runs after 1 warm-up run,")
                .contains("phototest       gureum tesseract")
                .contains("failed: models not installed")
                .contains("Skipped: RapidOCR: no jar")
                .contains("  a note")
                .contains("best Gureum engine (gureum tesseract) vs Tesseract CLI: CER 0.00% vs 0.00%, seconds/page 0.26 vs 0.96");
        Map<String, Object> json = new OcrReport(Map.of(), ENGINES, results, 3, 1, List.of()).toMap();
        assertThat(json).containsKeys("setup", "engines", "summaries", "target", "pages", "notes");
    }
}
