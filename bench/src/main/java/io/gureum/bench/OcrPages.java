package io.gureum.bench;

import io.gureum.core.SharedData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pages {@code gureum bench ocr} reads, with their ground truth, from the shared evaluation data
 * ({@code ocr/} under {@code GUREUM_SHARED_DATA}, else {@code shared/data} beside the repository; see its README):
 * Tesseract's own test pages ({@code ocr/eng_scans/}: two clean pages and two 300 dpi UNLV magazine scans, each
 * {@code NAME.tif} with {@code NAME.txt} beside it) and, optionally, the first lines of the synthetic Korean text lines
 * ({@code ocr/kor_synthetic_lines/gt.tsv}: {@code file<TAB>text}).
 */
final class OcrPages {
    /** The English pages, in the report's order: small and clean first, then the magazine scans. */
    static final List<String> ENGLISH_PAGES = List.of("phototest", "eurotext", "8071_093.3B", "8087_054.3B");
    static final String ENGLISH_DIR = "ocr/eng_scans";
    static final String KOREAN_DIR = "ocr/kor_synthetic_lines";
    static final String ENGLISH_SET = "eng-scans";
    static final String KOREAN_SET = "kor-lines";

    private OcrPages() {}

    /**
     * One image to read and its truth.
     *
     * @param set       {@link #ENGLISH_SET} or {@link #KOREAN_SET}
     * @param language  the ISO 639-1 code it is read in ({@code en}, {@code ko})
     * @param textLine  a single text line (the Tesseract CLI is then told so with {@code --psm 7}), not a page
     * @param bytes     the file's bytes, read once: in-process engines decode them on every call
     */
    record Page(String set, String name, Path file, String truth, String language, boolean textLine, byte[] bytes) {
        /** Characters in the truth as {@link io.gureum.core.TextDistance} counts them: code points, whitespace runs as one. */
        int truthChars() {
            return (int) normalise(truth).codePoints().count();
        }

        /** Words in the truth as {@link io.gureum.core.TextDistance} counts them. */
        int truthWords() {
            String n = normalise(truth);
            return n.isEmpty() ? 0 : n.split(" ").length;
        }
    }

    /** TextDistance's normalisation: ends trimmed, whitespace runs as one space. */
    static String normalise(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /**
     * The shared data folder: {@code override} when given, else {@code GUREUM_SHARED_DATA} when set (empty when either
     * is not a folder: a folder named but missing is not silently replaced), else {@link SharedData#locate()}
     * ({@code shared/data} beside a folder above the working one), else {@code shared/data} beside the repository this
     * bench's jar was built in.
     */
    static Optional<Path> locate(Path override, Path repository) {
        if (override == null) {
            String env = System.getenv("GUREUM_SHARED_DATA");
            if (env != null && !env.isBlank()) override = Path.of(env);
        }
        if (override != null) return Files.isDirectory(override) ? Optional.of(override) : Optional.empty();
        Optional<Path> found = SharedData.locate();
        if (found.isPresent()) return found;
        if (repository == null) return Optional.empty();
        Path beside = repository.toAbsolutePath().resolveSibling("shared").resolve("data");
        return Files.isDirectory(beside) ? Optional.of(beside) : Optional.empty();
    }

    /** The English pages under {@code data}; a missing page or truth file is an error naming it. */
    static List<Page> english(Path data) throws IOException {
        Path dir = data.resolve(ENGLISH_DIR);
        List<Page> pages = new ArrayList<>();
        for (String name : ENGLISH_PAGES) {
            Path image = dir.resolve(name + ".tif");
            Path truth = dir.resolve(name + ".txt");
            if (!Files.isRegularFile(image) || !Files.isRegularFile(truth)) {
                throw new BenchException("missing " + (Files.isRegularFile(image) ? truth : image) + " (the shared OCR data, see "
                        + data.resolve("README.md") + ")");
            }
            pages.add(new Page(ENGLISH_SET, name, image, Files.readString(truth, StandardCharsets.UTF_8), "en", false,
                    Files.readAllBytes(image)));
        }
        return pages;
    }

    /** The first {@code count} Korean lines of {@code gt.tsv} (none when {@code count} is 0 or the folder is absent). */
    static List<Page> korean(Path data, int count) throws IOException {
        Path dir = data.resolve(KOREAN_DIR);
        Path tsv = dir.resolve("gt.tsv");
        if (count <= 0 || !Files.isRegularFile(tsv)) return List.of();
        List<Page> pages = new ArrayList<>();
        for (Line line : parseTsv(Files.readAllLines(tsv, StandardCharsets.UTF_8), count)) {
            Path image = dir.resolve(line.file());
            if (!Files.isRegularFile(image)) throw new BenchException("missing " + image + ", listed in " + tsv);
            pages.add(new Page(KOREAN_SET, stem(line.file()), image, line.text(), "ko", true, Files.readAllBytes(image)));
        }
        return pages;
    }

    /** A {@code gt.tsv} row. */
    record Line(String file, String text) {}

    /** The first {@code limit} rows of {@code file<TAB>text} lines; blank lines are skipped, a row without a tab is an error. */
    static List<Line> parseTsv(List<String> lines, int limit) {
        List<Line> rows = new ArrayList<>();
        for (int i = 0; i < lines.size() && rows.size() < limit; i++) {
            String l = lines.get(i);
            if (l.isBlank()) continue;
            int tab = l.indexOf('\t');
            if (tab <= 0) throw new BenchException("gt.tsv line " + (i + 1) + " is not 'file<TAB>text': " + l);
            rows.add(new Line(l.substring(0, tab).strip(), l.substring(tab + 1)));
        }
        return rows;
    }

    private static String stem(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
