package io.gureum.language.translation.apertium;

import io.gureum.language.translation.LanguageTags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Debian packages that hold apertium pair data, from {@code debian-packages.tsv} beside this class: which one
 * to install for a pair that is missing.
 */
final class PairPackages {
    private record Entry(String debianPackage, Set<String> languages) {}

    private final List<Entry> entries;

    private PairPackages(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The table shipped with this class. */
    static PairPackages builtIn() {
        try (InputStream in = PairPackages.class.getResourceAsStream("debian-packages.tsv")) {
            if (in == null) throw new IllegalStateException("debian-packages.tsv is missing beside " + PairPackages.class.getName());
            List<Entry> entries = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] fields = line.split("\t");
                if (fields.length != 3) throw new IllegalStateException("debian-packages.tsv: not package<TAB>language<TAB>language: " + line);
                entries.add(new Entry(fields[0], Set.of(primary(ApertiumLanguages.toBcp47(fields[1])),
                        primary(ApertiumLanguages.toBcp47(fields[2])))));
            }
            return new PairPackages(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The package with data for these two languages (BCP 47 tags; only the language subtag counts), if Debian has
     * one. It usually translates both ways.
     */
    Optional<String> packageFor(String from, String to) {
        String a = primary(LanguageTags.normalize(from));
        String b = primary(LanguageTags.normalize(to));
        if (a.equals(b)) return Optional.empty();
        return entries.stream().filter(e -> e.languages().equals(Set.of(a, b))).map(Entry::debianPackage).findFirst();
    }

    private static String primary(String tag) {
        return LanguageTags.primary(tag).toLowerCase(Locale.ROOT);
    }
}
