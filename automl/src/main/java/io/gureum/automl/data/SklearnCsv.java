package io.gureum.automl.data;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CSV layout scikit-learn ships its toy datasets in (iris, wine, breast cancer): a first row of
 * {@code n_samples,n_features,class names...}, then rows of features and a class index. {@link #convert} writes it
 * as an ordinary CSV with a header ({@code feature_0..}, {@code target}) and class names in place of indices.
 */
public final class SklearnCsv {
    public static final String TARGET = "target";

    private SklearnCsv() {}

    /** True when the first row is {@code <rows>,<features>,<name>...} (two integers, then at least one class name). */
    public static boolean isSklearnLayout(Path csv) {
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) return false;
            String[] f = first.split(",");
            return f.length >= 3 && f[0].trim().matches("\\d+") && f[1].trim().matches("\\d+") && !f[2].trim().matches("[-+.\\d]+");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void convert(Path in, Path out) {
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            String[] head = r.readLine().split(",");
            int features = Integer.parseInt(head[1].trim());
            List<String> classes = List.of(head).subList(2, head.length).stream().map(String::trim).toList();
            StringBuilder header = new StringBuilder();
            for (int f = 0; f < features; f++) header.append("feature_").append(f).append(',');
            w.write(header.append(TARGET).append('\n').toString());
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                int cut = line.lastIndexOf(',');
                String label = line.substring(cut + 1).trim();
                int index = (int) Double.parseDouble(label);
                w.write(line.substring(0, cut + 1) + (index >= 0 && index < classes.size() ? classes.get(index) : label) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
