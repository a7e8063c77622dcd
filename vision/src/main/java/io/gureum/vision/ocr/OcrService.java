package io.gureum.vision.ocr;

import io.gureum.core.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * OCR as a plain library: picks an engine for the languages asked for and reads pages with it.
 * {@code engine=auto} takes the first installed engine, in the order given (the most accurate first), that
 * reads every requested language: English and Chinese go to {@code paddle}, Korean to {@code tesseract}.
 */
public final class OcrService implements AutoCloseable {
    public static final String AUTO = "auto";
    /** What is read when a request names no language. */
    public static final List<String> DEFAULT_LANGUAGES = List.of("en");

    private final Map<String, OcrEngine> engines = new LinkedHashMap<>();

    /** @param engines in order of preference for {@code auto} */
    public OcrService(List<OcrEngine> engines) {
        for (OcrEngine e : engines) {
            if (this.engines.putIfAbsent(e.name(), e) != null) throw new IllegalArgumentException("two engines named " + e.name());
        }
    }

    /** An engine as listed by {@code GET /v1/vision/ocr/languages}. */
    public record EngineInfo(String name, String model, boolean installed, Set<String> languages) {}

    public List<EngineInfo> engines() {
        List<EngineInfo> list = new ArrayList<>();
        for (OcrEngine e : engines.values()) {
            list.add(new EngineInfo(e.name(), e.model(), e.installed(), e.installed() ? new TreeSet<>(e.languages()) : Set.of()));
        }
        return list;
    }

    /**
     * The engine for a request.
     *
     * @param engine    an engine name or {@code auto}
     * @param languages ISO 639-1 codes (lower case), at least one
     * @throws Problem 422 {@code validation_failed} for an unknown engine; 422 {@code unsupported_language} when no
     *                 installed engine (or not the one named) reads all the languages, listing what is installed
     */
    public OcrEngine choose(String engine, List<String> languages) {
        if (languages.isEmpty()) throw new IllegalArgumentException("at least one language");
        String name = engine.toLowerCase(Locale.ROOT);
        if (!name.equals(AUTO)) {
            OcrEngine e = engines.get(name);
            if (e == null) throw Problem.invalid("Unknown OCR engine '" + engine + "'; engines: auto, " + String.join(", ", engines.keySet()));
            if (e.installed() && !e.languages().containsAll(languages)) throw unsupported(languages, e.name());
            return e; // not installed: read() answers 503 with the install command
        }
        for (OcrEngine e : engines.values()) {
            if (e.installed() && e.languages().containsAll(languages)) return e;
        }
        throw unsupported(languages, null);
    }

    private Problem unsupported(List<String> languages, String engine) {
        StringBuilder installed = new StringBuilder();
        for (EngineInfo e : engines()) installed.append(' ').append(e.name()).append(' ').append(e.languages()).append(';');
        return new Problem(422, "unsupported_language", "Unsupported language",
                (engine == null ? "No installed OCR engine reads " : "Engine '" + engine + "' does not read ") + languages
                        + " (together). Installed:" + installed + " Tesseract reads more languages once their Debian packages "
                        + "are installed, e.g. sudo apt-get install -y tesseract-ocr-jpn.");
    }

    @Override
    public void close() {
        engines.values().forEach(OcrEngine::close);
    }
}
