package io.gureum.server.language;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.language.DetectionResult;
import io.gureum.language.Document;
import io.gureum.language.DocumentLanguages;
import io.gureum.language.LanguageDetection;
import io.gureum.platform.operations.OperationContext;
import io.gureum.platform.operations.OperationHandler;
import io.gureum.server.http.Json;

import java.util.ArrayList;
import java.util.List;

/** The asynchronous form of language detection: runs a stored batch in chunks, reporting progress. */
public final class LanguageDetectOperation implements OperationHandler {
    public static final String KIND = "language.detect";
    private static final int CHUNK = 100;

    private final LanguageDetection detection;
    private final ObjectMapper json = Json.newMapper();

    public LanguageDetectOperation(LanguageDetection detection) {
        this.detection = detection;
    }

    @Override
    public String kind() { return KIND; }

    @Override
    public byte[] run(OperationContext context) throws Exception {
        LanguageRoutes.DetectRequest request = json.readValue(context.input(), LanguageRoutes.DetectRequest.class);
        List<Document> documents = request.documents();
        List<DocumentLanguages> results = new ArrayList<>(documents.size());
        String model = null, version = null;
        for (int from = 0; from < documents.size(); from += CHUNK) {
            if (context.canceled()) break;
            DetectionResult part = detection.detect(documents.subList(from, Math.min(documents.size(), from + CHUNK)),
                    request.modelRef(), request.topOrDefault());
            model = part.model();
            version = part.modelVersion();
            results.addAll(part.documents());
            context.progress((double) results.size() / documents.size());
        }
        return json.writeValueAsBytes(new DetectionResult(model, version, results));
    }
}
