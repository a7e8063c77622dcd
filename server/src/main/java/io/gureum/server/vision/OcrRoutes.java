package io.gureum.server.vision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.core.Problem;
import io.gureum.core.Service;
import io.gureum.platform.keys.ApiKey;
import io.gureum.platform.operations.NewOperation;
import io.gureum.platform.operations.OperationService;
import io.gureum.platform.operations.Submitted;
import io.gureum.platform.webhooks.WebhookPolicy;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.MediaRequest;
import io.gureum.server.metering.Metering;
import io.gureum.server.operations.OperationRoutes;
import io.gureum.vision.image.DecodedImage;
import io.gureum.vision.image.ImageDecoder;
import io.gureum.vision.image.ImageLimits;
import io.gureum.vision.ocr.OcrEngine;
import io.gureum.vision.ocr.OcrPage;
import io.gureum.vision.ocr.OcrService;
import io.gureum.vision.ocr.documents.Document;
import io.gureum.vision.ocr.documents.DocumentLimits;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * OCR: {@code POST /v1/vision/ocr} reads one image at once; {@code POST /v1/vision/ocr:analyze} reads a
 * document (PDF, multi-page TIFF or an image) as an operation with per-page progress; {@code GET
 * /v1/vision/ocr/languages} lists engines and languages. Billed in pages: one per image, or the document's
 * page count when the operation is accepted.
 */
public final class OcrRoutes {
    private static final Set<String> READ_OPTIONS = Set.of("languages", "engine");
    private static final Set<String> ANALYZE_OPTIONS = Set.of("languages", "engine", "webhookUrl");
    private static final int MAX_LANGUAGES = 5;

    private final OcrService ocr;
    private final OperationService operations;
    private final WebhookPolicy webhooks;
    private final Metering metering;
    private final ObjectMapper json;

    public OcrRoutes(OcrService ocr, OperationService operations, WebhookPolicy webhooks, Metering metering, ObjectMapper json) {
        this.ocr = ocr;
        this.operations = operations;
        this.webhooks = webhooks;
        this.metering = metering;
        this.json = json;
    }

    /** One page of a result: its number (1-based), whether a PDF text layer gave it, and what was read. */
    public record PageResult(int page, int width, int height, String unit, int rotation, boolean textLayer, List<io.gureum.vision.ocr.OcrLine> lines) {
        static PageResult of(int number, OcrPage page, boolean textLayer) {
            return new PageResult(number, page.width(), page.height(), "pixel", page.rotation(), textLayer, page.lines());
        }
    }

    public record ReadResult(String engine, String model, List<String> languages, List<PageResult> pages) {}

    public record Languages(List<OcrService.EngineInfo> engines) {}

    /** What an analyze operation stores: the document and the request's choices. */
    public record AnalyzeInput(byte[] document, String engine, List<String> languages) {}

    public void register(Javalin app) {
        app.post("/v1/vision/ocr", this::read);
        app.post("/v1/vision/ocr:analyze", this::analyze);
        app.get("/v1/vision/ocr/languages", ctx -> {
            ApiAccess.requireScope(ctx, Service.OCR.scope());
            ctx.json(new Languages(ocr.engines()));
        });
    }

    private void read(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.OCR.scope());
        MediaRequest request = MediaRequest.read(ctx, json, MediaRequest.Kind.IMAGE, List.of("image"), READ_OPTIONS);
        List<String> languages = languages(request);
        OcrEngine engine = ocr.choose(request.text("engine").orElse(OcrService.AUTO), languages);
        ReadResult result = metering.meter(ctx, key, Service.OCR, "read", 1, () -> {
            DecodedImage image = ImageDecoder.decode(request.bytes("image"), ImageLimits.DEFAULTS);
            OcrPage page = engine.read(image.image(), languages);
            return new Metering.Outcome<>(new ReadResult(engine.name(), engine.model(), languages, List.of(PageResult.of(1, page, false))), 200, true);
        });
        ctx.json(result);
    }

    private void analyze(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.OCR.scope());
        MediaRequest request = MediaRequest.read(ctx, json, MediaRequest.Kind.DOCUMENT, List.of("document"), ANALYZE_OPTIONS);
        List<String> languages = languages(request);
        String engineName = request.text("engine").orElse(OcrService.AUTO);
        OcrEngine engine = ocr.choose(engineName, languages);
        String webhookUrl = request.text("webhookUrl").orElse(null);
        if (webhookUrl != null) webhooks.validate(webhookUrl);
        byte[] document = request.bytes("document");
        int pages;
        try (Document doc = Document.open(document, DocumentLimits.DEFAULTS)) {   // readable and within limits, before accepting
            pages = doc.pageCount();
        }
        byte[] input = inputOf(new AnalyzeInput(document, engine.name(), languages));
        Submitted submitted = metering.meter(ctx, key, Service.OCR, "analyze", pages, () -> {
            Submitted s = operations.submit(new NewOperation(key.projectId(), OcrAnalyzeOperation.KIND, input,
                    ctx.header("Idempotency-Key"), webhookUrl));
            return new Metering.Outcome<>(s, 202, s.created());
        });
        OperationRoutes.accepted(ctx, submitted);
    }

    /** {@code languages=ko,en}: ISO 639-1 codes, at most {@value #MAX_LANGUAGES}; English when none. */
    private static List<String> languages(MediaRequest request) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : request.list("languages")) {
            String c = code.toLowerCase(Locale.ROOT);
            if (!c.matches("[a-z]{2,3}")) throw Problem.invalid("'languages' are ISO 639-1 codes such as en, ko, zh; got '" + code + "'");
            codes.add(c);
        }
        if (codes.size() > MAX_LANGUAGES) throw Problem.invalid("at most " + MAX_LANGUAGES + " languages");
        return codes.isEmpty() ? OcrService.DEFAULT_LANGUAGES : new ArrayList<>(codes);
    }

    private byte[] inputOf(AnalyzeInput input) {
        try {
            return json.writeValueAsBytes(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
