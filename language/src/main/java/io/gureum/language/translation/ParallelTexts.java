package io.gureum.language.translation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aligned segments of a text and its human translation, for accuracy tests and benchmarks: a tab-separated file
 * with a header row naming the columns, such as {@code translation/udhr_eng_spa.tsv} of the shared evaluation data
 * ({@code idx kind eng spa}).
 */
public final class ParallelTexts {
    /** One segment: the text to translate and its reference translation. */
    public record Segment(String source, String reference) {}

    private ParallelTexts() {}

    /**
     * Reads the segments of a TSV file.
     *
     * @param sourceColumn    the header of the source column ({@code eng})
     * @param referenceColumn the header of the reference column ({@code spa})
     */
    public static List<Segment> read(Path tsv, String sourceColumn, String referenceColumn) throws IOException {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) throw new IOException(tsv + " is empty");
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        int source = column(header, sourceColumn, tsv);
        int reference = column(header, referenceColumn, tsv);
        List<Segment> segments = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) continue;
            String[] fields = lines.get(i).split("\t", -1);
            if (fields.length != header.size()) {
                throw new IOException(tsv + " line " + (i + 1) + " has " + fields.length + " fields, the header " + header.size());
            }
            segments.add(new Segment(fields[source], fields[reference]));
        }
        return List.copyOf(segments);
    }

    private static int column(List<String> header, String name, Path tsv) throws IOException {
        int index = header.indexOf(name);
        if (index < 0) throw new IOException(tsv + " has no column '" + name + "'; its columns: " + header);
        return index;
    }
}
