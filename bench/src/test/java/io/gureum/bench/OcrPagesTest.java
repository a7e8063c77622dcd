package io.gureum.bench;

import io.gureum.bench.OcrPages.Line;
import io.gureum.core.TextDistance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OcrPagesTest {
    @Test
    void gtTsvRowsAreFileTabTextAndOnlyTheFirstAreTaken() {
        List<Line> rows = OcrPages.parseTsv(List.of("line_000.png\t의 정보 제외한", "", "line_001.png\tsecond\twith tab", "line_002.png\tthird"), 2);
        assertThat(rows).containsExactly(new Line("line_000.png", "의 정보 제외한"), new Line("line_001.png", "second\twith tab"));
        assertThatThrownBy(() -> OcrPages.parseTsv(List.of("no tab here"), 5)).isInstanceOf(BenchException.class).hasMessageContaining("line 1");
    }

    @Test
    void truthLengthsAreCountedAsTextDistanceCountsThem() {
        OcrPages.Page page = new OcrPages.Page(OcrPages.ENGLISH_SET, "p", Path.of("p.tif"), "  Hello,\n\n  wörld  \t𝔸 \n", "en", false, new byte[0]);
        assertThat(page.truthChars()).isEqualTo("Hello, wörld 𝔸".codePointCount(0, "Hello, wörld 𝔸".length()));
        assertThat(page.truthWords()).isEqualTo(3);
        // one edit per character: the CER of an empty reading is 1, of the normalised truth 0
        assertThat(TextDistance.characterErrorRate(page.truth(), "Hello, wörld 𝔸")).isZero();
        assertThat(TextDistance.characterErrorRate(page.truth(), "Hello, wörld")).isEqualTo(2.0 / page.truthChars());
    }

    @Test
    void theEnglishPagesComeWithTheirTruthOrAClearError(@TempDir Path data) throws Exception {
        Path dir = Files.createDirectories(data.resolve(OcrPages.ENGLISH_DIR));
        for (String name : OcrPages.ENGLISH_PAGES) {
            Files.write(dir.resolve(name + ".tif"), new byte[] {1, 2, 3});
            Files.writeString(dir.resolve(name + ".txt"), "text of " + name);
        }
        List<OcrPages.Page> pages = OcrPages.english(data);
        assertThat(pages).extracting(OcrPages.Page::name).containsExactlyElementsOf(OcrPages.ENGLISH_PAGES);
        assertThat(pages.get(0).truth()).isEqualTo("text of phototest");
        assertThat(pages.get(0).bytes()).containsExactly(1, 2, 3);
        assertThat(pages).allMatch(p -> p.language().equals("en") && !p.textLine());

        Files.delete(dir.resolve("eurotext.txt"));
        assertThatThrownBy(() -> OcrPages.english(data)).isInstanceOf(BenchException.class).hasMessageContaining("eurotext.txt");
    }

    @Test
    void koreanLinesAreOptional(@TempDir Path data) throws Exception {
        assertThat(OcrPages.korean(data, 20)).isEmpty();
        Path dir = Files.createDirectories(data.resolve(OcrPages.KOREAN_DIR));
        Files.writeString(dir.resolve("gt.tsv"), "line_000.png\t한국어 줄\nline_001.png\t둘째\n");
        Files.write(dir.resolve("line_000.png"), new byte[] {9});
        Files.write(dir.resolve("line_001.png"), new byte[] {8});
        List<OcrPages.Page> lines = OcrPages.korean(data, 1);
        assertThat(lines).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("line_000");
            assertThat(p.truth()).isEqualTo("한국어 줄");
            assertThat(p.language()).isEqualTo("ko");
            assertThat(p.textLine()).isTrue();
        });
        assertThat(OcrPages.korean(data, 0)).isEmpty();
    }

    @Test
    void anExplicitDataFolderMustExist(@TempDir Path dir) {
        assertThat(OcrPages.locate(dir, null)).contains(dir);
        assertThat(OcrPages.locate(dir.resolve("missing"), null)).isEmpty();
    }
}
