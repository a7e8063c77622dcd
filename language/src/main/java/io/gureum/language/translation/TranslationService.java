package io.gureum.language.translation;

import io.gureum.core.Problem;
import io.gureum.language.DetectedLanguage;
import io.gureum.language.Document;
import io.gureum.language.DocumentLanguages;
import io.gureum.language.LanguageDetection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Machine translation as a plain library: texts from one language (given, or detected per text) to another.
 *
 * <pre>{@code
 * try (var translation = TranslationService.installed(detection)) {
 *     TranslationResult r = translation.translate(List.of("The house is red."), "en", "es", false);
 *     r.translations().get(0).text();   // "La casa es roja."
 * }
 * }</pre>
 *
 * <p>Engines are {@link Translator}s (apertium). Languages are BCP 47 tags; three-letter codes are read as their
 * two-letter ones where those exist ({@code spa} is {@code es}). A text already in the target language comes back
 * as it is, as from Azure Translator. A batch is checked whole before anything runs: at most {@value #MAX_TEXTS}
 * texts, {@value #MAX_CHARACTERS_PER_TEXT} characters each and {@value #MAX_CHARACTERS} together (Unicode code
 * points, the billing unit; Azure allows 50,000 per request too), none blank, and a pair for every text.
 */
public final class TranslationService implements AutoCloseable {
    public static final int MAX_TEXTS = 100;
    public static final int MAX_CHARACTERS_PER_TEXT = 10_000;
    public static final int MAX_CHARACTERS = 50_000;

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final List<Translator> translators;
    private final LanguageDetection detection;

    /**
     * @param translators the engines, in order of preference for a pair that several have
     * @param detection   finds the source language of texts sent without one; null to require it
     */
    public TranslationService(List<Translator> translators, LanguageDetection detection) {
        if (translators.isEmpty()) throw new IllegalArgumentException("at least one translator is needed");
        this.translators = List.copyOf(translators);
        this.detection = detection;
    }

    /** The engines on the class path ({@link ServiceLoader}), with their defaults. */
    public static TranslationService installed(LanguageDetection detection) {
        List<Translator> found = new ArrayList<>();
        ServiceLoader.load(Translator.class, TranslationService.class.getClassLoader()).forEach(found::add);
        return new TranslationService(found, detection);
    }

    /**
     * Translates texts into {@code to}.
     *
     * @param from the source language of every text, or null to detect each text's
     * @param html whether the texts are HTML whose markup is kept; else plain text
     * @throws Problem 422 {@code validation_failed}, 400 {@code empty_text}, 413 {@code payload_too_large} or
     *                 {@code text_too_long} (see {@link #validate}); 503 {@code engine_not_installed}; 422
     *                 {@code unsupported_language_pair}; 503 {@code engine_timeout} or {@code engine_failed}; and
     *                 when detecting, the language detector's own (503 {@code model_not_installed})
     */
    public TranslationResult translate(List<String> texts, String from, String to, boolean html) {
        validate(texts, to);
        requireEngine(from, to);
        String target = normalize(to);
        List<DetectedSource> detected = from == null || from.isBlank() ? detect(texts, html) : null;

        // Every text's route first, so that a batch with one untranslatable text fails before any work.
        List<LanguagePair> routes = new ArrayList<>(texts.size());
        List<String> sources = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String source = detected == null ? normalize(from) : detected.get(i) == null ? null : detected.get(i).language();
            sources.add(source);
            routes.add(source == null || (samePrimaryLanguage(source, target) && findPair(source, target).isEmpty())
                    ? null : route(source, target, detected == null ? null : describeDetection(i, detected.get(i))));
        }

        // One engine call per pair, with that pair's texts in order.
        Map<LanguagePair, List<Integer>> byPair = new LinkedHashMap<>();
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i) != null) byPair.computeIfAbsent(routes.get(i), p -> new ArrayList<>()).add(i);
        }
        String[] translated = texts.toArray(new String[0]);
        byPair.forEach((pair, indexes) -> {
            List<String> batch = indexes.stream().map(texts::get).toList();
            List<String> out = translator(pair).translate(pair, batch, html);
            for (int k = 0; k < indexes.size(); k++) translated[indexes.get(k)] = out.get(k);
        });

        List<Translation> translations = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            LanguagePair pair = routes.get(i);
            DetectedSource found = detected == null ? null : detected.get(i);
            translations.add(pair == null
                    ? new Translation(translated[i], sources.get(i), target, found, null, null, null, null)
                    : new Translation(translated[i], pair.from(), pair.to(), found, pair.engine(), pair.name(),
                    pair.model(), pair.modelVersion()));
        }
        return new TranslationResult(translations);
    }

    /**
     * Checks a batch without translating: at least one text and at most {@value #MAX_TEXTS}, none null or blank, at
     * most {@value #MAX_CHARACTERS_PER_TEXT} characters each and {@value #MAX_CHARACTERS} together, a target language.
     *
     * @throws Problem 422 {@code validation_failed} (no texts, a null text, no {@code to}); 400 {@code empty_text};
     *                 413 {@code payload_too_large} (too many texts) or {@code text_too_long}
     */
    public void validate(List<String> texts, String to) {
        if (texts == null || texts.isEmpty()) throw Problem.invalid("'texts' must list at least one text to translate");
        if (texts.size() > MAX_TEXTS) throw TranslationProblems.tooManyTexts(texts.size(), MAX_TEXTS);
        long total = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null) throw Problem.invalid("texts[" + i + "] is null; every text must be a string");
            if (text.isBlank()) throw TranslationProblems.emptyText(i);
            int length = text.codePointCount(0, text.length());
            if (length > MAX_CHARACTERS_PER_TEXT) throw TranslationProblems.textTooLong(i, length, MAX_CHARACTERS_PER_TEXT);
            total += length;
        }
        if (total > MAX_CHARACTERS) throw TranslationProblems.textsTooLong(total, MAX_CHARACTERS);
        if (to == null || to.isBlank()) throw Problem.invalid("'to' is required: the target language as a BCP 47 tag, e.g. 'es'");
    }

    /**
     * The installed directions of every engine.
     *
     * @throws Problem 503 {@code engine_not_installed} when no engine is installed
     */
    public List<LanguagePair> pairs() {
        requireEngine(null, null);
        List<LanguagePair> pairs = new ArrayList<>();
        translators.forEach(t -> pairs.addAll(t.pairs()));
        return pairs;
    }

    /** Billing units of a batch: the sum of its texts' lengths in Unicode code points. */
    public static long characters(List<String> texts) {
        long characters = 0;
        if (texts == null) return 0;
        for (String text : texts) {
            if (text != null) characters += text.codePointCount(0, text.length());
        }
        return characters;
    }

    @Override
    public void close() {
        translators.forEach(Translator::close);
    }

    private void requireEngine(String from, String to) {
        if (translators.stream().noneMatch(Translator::isInstalled)) {
            Translator first = translators.get(0);
            throw TranslationProblems.engineNotInstalled(first.engine(), first.installCommand(from, to));
        }
    }

    /** The pair for a text, or 422 naming what is installed and the package that would add it. */
    private LanguagePair route(String from, String to, String why) {
        return findPair(from, to).orElseThrow(() -> {
            List<String> installed = new ArrayList<>();
            Optional<String> debianPackage = Optional.empty();
            for (Translator t : translators) {
                if (!t.isInstalled()) continue;
                t.pairs().forEach(p -> installed.add(p.from() + "→" + p.to() + " (" + p.name() + ")"));
                if (debianPackage.isEmpty()) debianPackage = t.packageFor(from, to);
            }
            return TranslationProblems.unsupportedPair(from, to, why, installed, debianPackage);
        });
    }

    /**
     * An installed pair from {@code from} to {@code to}: the exact tags, else (only the source) the language without
     * its region or variant, so that {@code en-GB} text goes through an {@code en} pair.
     */
    private Optional<LanguagePair> findPair(String from, String to) {
        Optional<LanguagePair> exact = pairFrom(from, to);
        String language = LanguageTags.primary(from);
        return exact.isPresent() || language.equals(from) ? exact : pairFrom(language, to);
    }

    private Optional<LanguagePair> pairFrom(String from, String to) {
        for (Translator t : translators) {
            if (!t.isInstalled()) continue;
            for (LanguagePair p : t.pairs()) {
                if (p.from().equalsIgnoreCase(from) && p.to().equalsIgnoreCase(to)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private Translator translator(LanguagePair pair) {
        return translators.stream().filter(t -> t.engine().equals(pair.engine())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no translator for engine " + pair.engine()));
    }

    /** Each text's language, best guess, or null for a text with no letters (nothing to detect, nor to translate). */
    private List<DetectedSource> detect(List<String> texts, boolean html) {
        if (detection == null) {
            throw Problem.invalid("'from' is required: this server has no language detector to find it");
        }
        List<Document> documents = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = html ? TAG.matcher(texts.get(i)).replaceAll(" ") : texts.get(i);
            documents.add(new Document(Integer.toString(i), prefix(text, LanguageDetection.MAX_CHARACTERS_PER_DOCUMENT)));
        }
        List<DetectedSource> detected = new ArrayList<>(texts.size());
        for (DocumentLanguages document : detection.detect(documents, Optional.empty(), 1).documents()) {
            if (document.languages().isEmpty()) {
                detected.add(null);
            } else {
                DetectedLanguage best = document.languages().get(0);
                detected.add(new DetectedSource(best.iso6391() != null ? best.iso6391() : best.iso6393(), best.confidence()));
            }
        }
        return detected;
    }

    private static String describeDetection(int index, DetectedSource source) {
        String name = Locale.forLanguageTag(source.language()).getDisplayLanguage(Locale.ENGLISH);
        return "texts[" + index + "] was detected as " + (name.isEmpty() ? "" : name + " ")
                + "(" + source.language() + String.format(Locale.ROOT, ", confidence %.2f", source.confidence()) + ")";
    }

    /** At most {@code codePoints} code points from the start (the detector's limit; a start is enough to tell). */
    private static String prefix(String text, int codePoints) {
        if (text.length() <= codePoints) return text;
        return text.codePointCount(0, text.length()) <= codePoints ? text : text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    private static String normalize(String tag) {
        return LanguageTags.normalize(Objects.requireNonNull(tag));
    }

    private static boolean samePrimaryLanguage(String a, String b) {
        return LanguageTags.primary(a).equalsIgnoreCase(LanguageTags.primary(b));
    }
}
