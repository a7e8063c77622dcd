package io.gureum.server.language;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.core.Service;
import io.gureum.language.LanguageDetection;
import io.gureum.language.TextDocument;
import io.gureum.language.pii.DocumentPii;
import io.gureum.language.pii.PiiCategory;
import io.gureum.language.pii.PiiDetection;
import io.gureum.language.pii.PiiEntity;
import io.gureum.language.pii.PiiResult;
import io.gureum.language.sentiment.DocumentSentiment;
import io.gureum.language.sentiment.SentenceSentiment;
import io.gureum.language.sentiment.SentimentAnalysis;
import io.gureum.language.sentiment.SentimentResult;
import io.gureum.language.sentiment.SentimentScores;
import io.gureum.platform.keys.ApiKey;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.JsonBodies;
import io.gureum.server.metering.Metering;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code POST /v1/language/sentiment} and {@code POST /v1/language/pii}: up to {@value #MAX_DOCUMENTS} documents a
 * request, answered at once (both are fast: VADER and the PII rules take well under a millisecond per sentence), each
 * document checked as for language detection. Billed in characters, charged when the call succeeds.
 */
public final class TextAnalysisRoutes {
    /** The same batch size language detection answers synchronously. */
    public static final int MAX_DOCUMENTS = LanguageRoutes.SYNC_MAX_DOCUMENTS;

    private final SentimentAnalysis sentiment;
    private final PiiDetection pii;
    private final Metering metering;
    private final JsonBodies bodies;

    public TextAnalysisRoutes(SentimentAnalysis sentiment, PiiDetection pii, Metering metering, JsonBodies bodies) {
        this.sentiment = sentiment;
        this.pii = pii;
        this.metering = metering;
        this.bodies = bodies;
    }

    public record SentimentRequest(List<TextDocument> documents, String model) {
        Optional<ModelRef> modelRef() { return model == null || model.isBlank() ? Optional.empty() : Optional.of(ModelRef.parse(model)); }
    }

    public record PiiRequest(List<TextDocument> documents, List<String> categories, Boolean redact) {}

    public record SentenceView(String text, int offset, int length, String label, SentimentScores scores) {}

    public record DocumentSentimentView(String id, String language, String label, SentimentScores scores, List<SentenceView> sentences) {}

    public record SentimentView(String model, String modelVersion, List<DocumentSentimentView> documents) {}

    public record EntityView(String category, String text, int offset, int length, double confidence) {}

    public record DocumentPiiView(String id, List<EntityView> entities, String redactedText) {}

    public record PiiView(String model, String modelVersion, List<DocumentPiiView> documents) {}

    public void register(Javalin app) {
        app.post("/v1/language/sentiment", this::sentiment);
        app.post("/v1/language/pii", this::pii);
    }

    private void sentiment(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.LANGUAGE.scope());
        SentimentRequest request = bodies.read(ctx, SentimentRequest.class);
        checkBatchSize(request.documents());
        SentimentAnalysis.validate(request.documents());
        Optional<ModelRef> model = request.modelRef();
        SentimentResult result = metering.meter(ctx, key, Service.LANGUAGE, "sentiment", characters(request.documents()),
                () -> new Metering.Outcome<>(sentiment.analyze(request.documents(), model), 200, true));
        ctx.json(view(result));
    }

    private void pii(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.LANGUAGE.scope());
        PiiRequest request = bodies.read(ctx, PiiRequest.class);
        checkBatchSize(request.documents());
        Set<PiiCategory> categories = categories(request.categories());
        boolean redact = request.redact() == null || request.redact();
        LanguageDetection.validate(TextDocument.asDocuments(request.documents()));
        PiiResult result = metering.meter(ctx, key, Service.LANGUAGE, "pii", characters(request.documents()),
                () -> new Metering.Outcome<>(pii.detect(request.documents(), categories, redact), 200, true));
        ctx.json(view(result));
    }

    private static void checkBatchSize(List<TextDocument> documents) {
        if (documents == null || documents.isEmpty()) throw Problem.invalid("'documents' must list at least one {id, text}");
        if (documents.size() > MAX_DOCUMENTS) {
            throw Problem.tooLarge(documents.size() + " documents in one request; at most " + MAX_DOCUMENTS + " (split the batch)");
        }
    }

    private static Set<PiiCategory> categories(List<String> names) {
        if (names == null) return PiiDetection.allCategories();
        if (names.isEmpty()) throw Problem.invalid("'categories' must name at least one category, or be left out for all");
        Set<PiiCategory> categories = EnumSet.noneOf(PiiCategory.class);
        for (String name : names) {
            categories.add(PiiCategory.byWireName(name).orElseThrow(() -> Problem.invalid("categories: unknown category '" + name
                    + "'; known: " + Arrays.stream(PiiCategory.values()).map(PiiCategory::wireName).collect(Collectors.joining(", ")))));
        }
        return categories;
    }

    private static long characters(List<TextDocument> documents) {
        return LanguageDetection.characters(TextDocument.asDocuments(documents));
    }

    private static SentimentView view(SentimentResult result) {
        return new SentimentView(result.model(), result.modelVersion(), result.documents().stream().map(TextAnalysisRoutes::view).toList());
    }

    private static DocumentSentimentView view(DocumentSentiment document) {
        List<SentenceView> sentences = document.sentences().stream().map(TextAnalysisRoutes::view).toList();
        return new DocumentSentimentView(document.id(), document.language(), document.label().wireName(), document.scores(), sentences);
    }

    private static SentenceView view(SentenceSentiment s) {
        return new SentenceView(s.text(), s.offset(), s.length(), s.label().wireName(), s.scores());
    }

    private static PiiView view(PiiResult result) {
        return new PiiView(result.model(), result.modelVersion(), result.documents().stream().map(TextAnalysisRoutes::view).toList());
    }

    private static DocumentPiiView view(DocumentPii document) {
        List<EntityView> entities = document.entities().stream().map(TextAnalysisRoutes::view).toList();
        return new DocumentPiiView(document.id(), entities, document.redactedText());
    }

    private static EntityView view(PiiEntity e) {
        return new EntityView(e.category().wireName(), e.text(), e.offset(), e.length(), e.confidence());
    }
}
