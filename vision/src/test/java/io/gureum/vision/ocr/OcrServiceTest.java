package io.gureum.vision.ocr;

import io.gureum.core.Problem;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Engine choice; the engines here are stand-ins that only declare languages (their reading is tested with them). */
class OcrServiceTest {
    private record Declared(String name, Set<String> languages, boolean installed) implements OcrEngine {
        @Override public String model() { return name + "-model"; }
        @Override public OcrPage read(BufferedImage page, List<String> languages) { throw new UnsupportedOperationException(); }
    }

    private final OcrService service = new OcrService(List.of(
            new Declared("paddle", Set.of("en", "zh"), true), new Declared("tesseract", Set.of("en", "ko"), true)));

    @Test
    void autoTakesTheFirstEngineReadingEveryLanguage() {
        assertThat(service.choose("auto", List.of("en")).name()).isEqualTo("paddle");
        assertThat(service.choose("auto", List.of("ko")).name()).isEqualTo("tesseract");
        assertThat(service.choose("auto", List.of("ko", "en")).name()).isEqualTo("tesseract");
        assertThat(service.choose("tesseract", List.of("en")).name()).isEqualTo("tesseract");
    }

    @Test
    void autoSkipsEnginesThatAreNotInstalled() {
        OcrService partial = new OcrService(List.of(new Declared("paddle", Set.of("en"), false), new Declared("tesseract", Set.of("en"), true)));
        assertThat(partial.choose("auto", List.of("en")).name()).isEqualTo("tesseract");
        assertThat(partial.engines().get(0).languages()).isEmpty();
    }

    @Test
    void unknownEnginesAndLanguagesAreClearErrors() {
        assertThatThrownBy(() -> service.choose("abbyy", List.of("en")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("validation_failed"));
        assertThatThrownBy(() -> service.choose("auto", List.of("ko", "zh")))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.code()).isEqualTo("unsupported_language");
                    assertThat(p.getMessage() + p.detail()).contains("tesseract-ocr-");
                });
        assertThatThrownBy(() -> service.choose("paddle", List.of("ko")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("unsupported_language"));
    }
}
