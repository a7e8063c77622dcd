package io.gureum.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TesseractCliTest {
    @Test
    void pagesRunWithDefaultsAndLinesAsOneLine() {
        assertThat(TesseractCli.command("tesseract", Path.of("/d/page.tif"), List.of("en"), false))
                .containsExactly("tesseract", "/d/page.tif", "stdout", "-l", "eng");
        assertThat(TesseractCli.command("/usr/bin/tesseract", Path.of("line.png"), List.of("ko"), true))
                .containsExactly("/usr/bin/tesseract", "line.png", "stdout", "-l", "kor", "--psm", "7");
    }

    @Test
    void languagesBecomeTraineddataNames() {
        assertThat(TesseractCli.traineddata(List.of("ko", "en"))).isEqualTo("kor+eng");
        assertThatThrownBy(() -> TesseractCli.traineddata(List.of("xx"))).isInstanceOf(IllegalArgumentException.class);
    }
}
