package io.gureum.language.translation.apertium;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The translation directions installed for apertium: one {@code <from>-<to>.mode} file each in
 * {@code /usr/share/apertium/modes} (what {@code apertium -l} lists), written by the pair's package. A mode file is
 * the shell pipeline of the direction; the folder its data files are in names the package
 * ({@code /usr/share/apertium/apertium-eng-spa/...}).
 */
final class ApertiumModes {
    private static final Pattern DATA_FOLDER = Pattern.compile("/(apertium-[A-Za-z0-9_.+-]+)/");

    /**
     * An installed direction.
     *
     * @param name          the mode's name, e.g. {@code spa-eng_US}
     * @param from          its source language as a BCP 47 tag, e.g. {@code es}
     * @param to            its target language, e.g. {@code en-US}
     * @param debianPackage the package its data comes from, e.g. {@code apertium-eng-spa}; null when its mode file
     *                      names no data folder
     */
    record Mode(String name, Path file, String from, String to, String debianPackage) {}

    private ApertiumModes() {}

    /** The translation directions in a modes folder, by name; none when there is no such folder. */
    static List<Mode> discover(Path modesDir) throws IOException {
        if (!Files.isDirectory(modesDir)) return List.of();
        List<Mode> modes = new ArrayList<>();
        try (Stream<Path> files = Files.list(modesDir)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(".mode") || !Files.isRegularFile(file)) continue;
                String name = fileName.substring(0, fileName.length() - ".mode".length());
                // eng-spa, spa-eng_US, fr-es: two language codes; other modes (for debugging) have more parts
                String[] codes = name.split("-");
                if (codes.length != 2 || !ApertiumLanguages.isCode(codes[0]) || !ApertiumLanguages.isCode(codes[1])) continue;
                String from = ApertiumLanguages.toBcp47(codes[0]);
                String to = ApertiumLanguages.toBcp47(codes[1]);
                modes.add(new Mode(name, file, from, to, debianPackage(file).orElse(null)));
            }
        }
        return List.copyOf(modes);
    }

    private static Optional<String> debianPackage(Path modeFile) throws IOException {
        Matcher folder = DATA_FOLDER.matcher(Files.readString(modeFile, StandardCharsets.UTF_8));
        return folder.find() ? Optional.of(folder.group(1)) : Optional.empty();
    }
}
