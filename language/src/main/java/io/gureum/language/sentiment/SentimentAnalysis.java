package io.gureum.language.sentiment;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.language.DetectedLanguage;
import io.gureum.language.DocumentLanguages;
import io.gureum.language.LanguageDetection;
import io.gureum.language.TextDocument;
import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.models.ModelStore;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * English sentiment as a plain library: VADER's rules ({@link VaderScorer}) on VADER's lexicon, which the
 * {@value #TASK} model pack installs ({@code vader@1.1.3}, from npm {@code vader-sentiment}).
 *
 * <pre>{@code
 * var sentiment = new SentimentAnalysis(store, new LanguageDetection(store));
 * SentimentResult result = sentiment.analyze(List.of(new TextDocument("1", "The food was great!", "en")), Optional.empty());
 * }</pre>
 *
 * <p>Each document is split into sentences; each sentence is scored and labelled, and the document's scores are its
 * sentences' averaged. Documents are limited as for language detection ({@link LanguageDetection#validate}).
 *
 * <p>VADER's lexicon and rules are English, so other languages are refused rather than given a score that means
 * nothing: a document whose {@code language} is given and is not English, or, when it is not given, whose detected
 * language is not English, fails the whole request with 422 {@value #UNSUPPORTED_LANGUAGE}. Detection of short texts
 * is uncertain (Lingua gives "Terrible service!" French 1.0 and English 0.99), so English counts as detected when its
 * confidence is at least {@value #ENGLISH_MARGIN} of the best language's: on 2,002 English reviews (UCI Amazon and
 * Yelp) that refuses 11 where taking only the best language refuses 43, and it accepts 3 of 2,429 fragments of 3 to 8
 * words in 15 other languages (UDHR). A text with no letters has no language to detect and is scored (emoticons
 * carry sentiment). A caller who knows a text is English says so with {@code language: "en"}, and nothing is detected.
 */
public final class SentimentAnalysis {
    public static final String TASK = "sentiment-vader";
    /** The one language VADER reads, as an ISO 639-1 code. */
    public static final String ENGLISH = "en";
    public static final String UNSUPPORTED_LANGUAGE = "unsupported_language";
    /** English's detection confidence relative to the best language's from which a text counts as English. */
    static final double ENGLISH_MARGIN = 0.95;
    private static final int DETECTED_LANGUAGES = 10;

    private final ModelStore store;
    private final LanguageDetection detection;
    /** What each requested model (empty: the default) resolved to; only successes are kept, so a later install is seen. */
    private final ConcurrentMap<Optional<ModelRef>, Scorer> resolved = new ConcurrentHashMap<>();
    /** One scorer per installed lexicon, by {@code id@version}. */
    private final ConcurrentMap<String, Scorer> scorers = new ConcurrentHashMap<>();

    public SentimentAnalysis(ModelStore store, LanguageDetection detection) {
        this.store = Objects.requireNonNull(store, "store");
        this.detection = Objects.requireNonNull(detection, "detection");
    }

    /**
     * The sentiment of each document and of each of its sentences.
     *
     * @param model the lexicon to use: empty for the catalog's default, else {@code id} or {@code id@version}
     * @throws Problem {@code validation_failed} (422) for bad documents; {@value #UNSUPPORTED_LANGUAGE} (422) for a
     *                 document not in English; {@code unknown_model} (404) or {@code model_not_installed} (503) for the
     *                 lexicon, or for the language detector when a document does not give its language
     */
    public SentimentResult analyze(List<TextDocument> documents, Optional<ModelRef> model) {
        Objects.requireNonNull(model, "model: pass Optional.empty() for the default");
        validate(documents);
        Scorer scorer = scorer(model);
        requireEnglish(documents);
        List<DocumentSentiment> results = new ArrayList<>(documents.size());
        for (TextDocument document : documents) results.add(analyze(scorer.vader(), document));
        return new SentimentResult(scorer.id(), scorer.version(), results);
    }

    /**
     * Checks a batch without analysing it: the rules of {@link LanguageDetection#validate}, and no {@code language}
     * given other than English.
     */
    public static void validate(List<TextDocument> documents) {
        LanguageDetection.validate(TextDocument.asDocuments(documents));
        for (TextDocument document : documents) {
            String language = document.primaryLanguage();
            if (language != null && !language.equals(ENGLISH) && !language.equals("eng")) {   // ISO 639-1 or 639-3
                throw unsupported(document.id(), language, "its language is given as '" + document.language() + "'");
            }
        }
    }

    /** Whether {@code languages} (best first, as {@link LanguageDetection} reports them) make a text English enough. */
    static boolean isEnglish(List<DetectedLanguage> languages) {
        if (languages.isEmpty()) return true;   // no letters: nothing to refuse
        double best = languages.get(0).confidence();
        for (DetectedLanguage language : languages) {
            if (ENGLISH.equals(language.iso6391())) return language.confidence() >= ENGLISH_MARGIN * best;
        }
        return false;
    }

    private void requireEnglish(List<TextDocument> documents) {
        List<TextDocument> undeclared = documents.stream().filter(d -> d.primaryLanguage() == null).toList();
        if (undeclared.isEmpty()) return;
        List<DocumentLanguages> detected = detection.detect(TextDocument.asDocuments(undeclared), Optional.empty(),
                DETECTED_LANGUAGES).documents();
        for (DocumentLanguages document : detected) {
            if (isEnglish(document.languages())) continue;
            DetectedLanguage best = document.languages().get(0);
            String code = best.iso6391() != null ? best.iso6391() : best.iso6393();
            throw unsupported(document.id(), code, "it reads as " + best.name() + " ('" + code + "')");
        }
    }

    private static Problem unsupported(String id, String language, String why) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("documentId", id);
        extensions.put("language", language);
        return new Problem(422, UNSUPPORTED_LANGUAGE, "Unsupported language", "Document '" + id + "' cannot be analysed: "
                + why + ", and sentiment analysis reads English only. If the text is English, send \"language\": \"en\".",
                extensions);
    }

    private static DocumentSentiment analyze(VaderScorer vader, TextDocument document) {
        String text = document.text();
        List<SentenceSentiment> sentences = new ArrayList<>();
        double positive = 0, neutral = 0, negative = 0, compound = 0;
        for (Sentences.Span span : Sentences.split(text)) {
            String sentence = text.substring(span.offset(), span.offset() + span.length());
            SentimentScores scores = vader.score(sentence);
            positive += scores.positive();
            neutral += scores.neutral();
            negative += scores.negative();
            compound += scores.compound();
            SentimentScores shown = scores.rounded();
            sentences.add(new SentenceSentiment(sentence, span.offset(), span.length(), SentimentLabel.of(shown.compound()), shown));
        }
        int n = sentences.size();
        SentimentScores scores = n == 0 ? SentimentScores.NONE
                : new SentimentScores(positive / n, neutral / n, negative / n, compound / n).rounded();
        return new DocumentSentiment(document.id(), ENGLISH, SentimentLabel.of(scores.compound()), scores, sentences);
    }

    private Scorer scorer(Optional<ModelRef> ref) {
        Scorer scorer = resolved.get(ref);
        if (scorer != null) return scorer;
        InstalledModel installed = store.resolve(TASK, ref);   // unknown_model / model_not_installed
        String key = installed.card().ref();
        scorer = scorers.computeIfAbsent(key, k -> new Scorer(installed.card().id(), installed.card().version(), load(installed)));
        resolved.putIfAbsent(ref, scorer);
        return scorer;
    }

    private VaderScorer load(InstalledModel installed) {
        try {
            return new VaderScorer(VaderLexicon.read(installed.file(VaderLexicon.FILE)));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw store.unusable(store.catalog().find(installed.card().id(), Optional.of(installed.card().version())).orElseThrow(),
                    e.getMessage());
        }
    }

    private record Scorer(String id, String version, VaderScorer vader) {}
}
