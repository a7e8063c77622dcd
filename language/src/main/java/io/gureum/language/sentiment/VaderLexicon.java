package io.gureum.language.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * VADER's sentiment lexicon: about 7,500 words, slang, acronyms and emoticons, each with the mean valence
 * (-4 extremely negative to +4 extremely positive) that ten human raters gave it.
 *
 * <p>The file ({@code vader_lexicon.txt}) has one entry a line: the token, its mean valence, the raters' standard
 * deviation and their ten raw ratings, separated by tabs; only the first two columns are used. A token listed twice
 * keeps its later valence (the file lists {@code ok} twice), as when VADER reads it into a dictionary. Entries of
 * several words ({@code "can't stand"}) are kept but never match, since VADER scores single tokens.
 */
public final class VaderLexicon {
    /** The file's name in the {@code sentiment-vader} model pack. */
    public static final String FILE = "vader_lexicon.txt";

    private final Map<String, Double> valences;

    /** A lexicon from token to valence, for example a handful of entries in a test. */
    public VaderLexicon(Map<String, Double> valences) {
        this.valences = Map.copyOf(valences);
    }

    /** Reads a file in {@code vader_lexicon.txt}'s format. */
    public static VaderLexicon read(Path file) {
        Map<String, Double> valences = new HashMap<>(16_384);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) continue;
                String[] columns = line.split("\t", 3);
                if (columns.length < 2) throw new IllegalArgumentException(file + " line " + number + ": expected token<TAB>valence");
                try {
                    valences.put(columns[0], Double.parseDouble(columns[1].trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + number + ": valence '" + columns[1] + "' is not a number", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the VADER lexicon " + file, e);
        }
        if (valences.isEmpty()) throw new IllegalArgumentException(file + " holds no lexicon entries");
        return new VaderLexicon(valences);
    }

    /**
     * The valence of a token as written (emoticons such as {@code :D} are case-sensitive), else of its lower-case
     * form, as VADER looks words up.
     */
    public Optional<Double> valence(String token) {
        Double valence = valences.get(token);
        if (valence == null) valence = valences.get(token.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(valence);
    }

    public boolean contains(String token) {
        return valences.containsKey(token) || valences.containsKey(token.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return valences.size();
    }
}
