package io.gureum.server.vision;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.platform.operations.OperationContext;
import io.gureum.platform.operations.OperationHandler;
import io.gureum.server.http.Json;
import io.gureum.vision.ocr.OcrEngine;
import io.gureum.vision.ocr.OcrPage;
import io.gureum.vision.ocr.OcrService;
import io.gureum.vision.ocr.documents.Document;
import io.gureum.vision.ocr.documents.DocumentLimits;
import io.gureum.vision.ocr.documents.DocumentPage;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a stored document page by page, reporting progress after each: text-layer pages are taken as they
 * are, image pages go to the engine chosen when the request was accepted.
 */
public final class OcrAnalyzeOperation implements OperationHandler {
    public static final String KIND = "vision.ocr.analyze";

    private final OcrService ocr;
    private final ObjectMapper json = Json.newMapper();

    public OcrAnalyzeOperation(OcrService ocr) {
        this.ocr = ocr;
    }

    @Override
    public String kind() { return KIND; }

    @Override
    public byte[] run(OperationContext context) throws Exception {
        OcrRoutes.AnalyzeInput input = json.readValue(context.input(), OcrRoutes.AnalyzeInput.class);
        OcrEngine engine = ocr.choose(input.engine(), input.languages());
        List<OcrRoutes.PageResult> pages = new ArrayList<>();
        try (Document document = Document.open(input.document(), DocumentLimits.DEFAULTS)) {
            for (int number = 1; number <= document.pageCount(); number++) {
                if (context.canceled()) break;
                DocumentPage page = document.page(number);
                if (page instanceof DocumentPage.TextLayer text) {
                    pages.add(OcrRoutes.PageResult.of(number, new OcrPage(text.width(), text.height(), 0, text.lines()), true));
                } else if (page instanceof DocumentPage.Image image) {
                    pages.add(OcrRoutes.PageResult.of(number, engine.read(image.image(), input.languages()), false));
                }
                context.progress((double) number / document.pageCount());
            }
        }
        return json.writeValueAsBytes(new OcrRoutes.ReadResult(engine.name(), engine.model(), input.languages(), pages));
    }
}
