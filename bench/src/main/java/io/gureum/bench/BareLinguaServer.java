package io.gureum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * The baseline of {@code gureum bench http}: Javalin (Jetty) on loopback and the same Lingua call the
 * platform makes, with no platform around it: no authentication, rate limit, quota, metering, request
 * ids or metrics.
 *
 * <p>{@code POST /detect} takes the platform's body shape, {@code {"documents":[{"id","text"}]}}, reads it
 * with Jackson, runs Lingua's {@code computeLanguageConfidenceValues} on each text and answers the top 3
 * languages per document as JSON. Lingua is set up as {@code io.gureum.language.LinguaEngine} does it: all
 * languages, models preloaded. {@code GET /ready} answers 200 once the server listens (the detector is
 * built and warmed before that).
 *
 * <p>Run by the harness as its own JVM: {@code java -cp gureum-bench.jar io.gureum.bench.BareLinguaServer --port N}.
 */
public final class BareLinguaServer {
    static final int TOP = 3;

    private final LanguageDetector detector;
    private final ObjectMapper json = new ObjectMapper();
    /** Per-language codes and names, computed once as the platform does, so a request only builds its answer. */
    private final Map<Language, String[]> names = new EnumMap<>(Language.class);

    BareLinguaServer(LanguageDetector detector) {
        this.detector = detector;
        for (Language language : Language.all()) {
            String name = language.name().charAt(0) + language.name().substring(1).toLowerCase(Locale.ROOT);
            names.put(language, new String[]{
                    language.getIsoCode639_1().name().toLowerCase(Locale.ROOT),
                    language.getIsoCode639_3().name().toLowerCase(Locale.ROOT),
                    name});
        }
    }

    public static void main(String[] args) {
        int port = 0;
        String host = "127.0.0.1";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--host" -> host = args[++i];
                default -> {
                    System.err.println("usage: BareLinguaServer [--port N] [--host 127.0.0.1]");
                    System.exit(2);
                }
            }
        }
        long start = System.nanoTime();
        LanguageDetector detector = LanguageDetectorBuilder.fromAllLanguages().withPreloadedLanguageModels().build();
        BareLinguaServer server = new BareLinguaServer(detector);
        detector.computeLanguageConfidenceValues("Warming up the language detector.");
        Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
        app.get("/ready", ctx -> ctx.result("ready"));
        app.post("/detect", server::detect);
        app.start(host, port);
        System.out.printf("bare Javalin + Lingua serving on http://%s:%d/detect (models loaded in %.1f s)%n",
                host, app.port(), (System.nanoTime() - start) / 1e9);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
    }

    void detect(Context ctx) throws Exception {
        JsonNode body = json.readTree(ctx.bodyAsBytes());
        ObjectNode answer = json.createObjectNode();
        ArrayNode documents = answer.putArray("documents");
        for (JsonNode document : body.path("documents")) {
            ObjectNode out = documents.addObject();
            out.put("id", document.path("id").asText());
            ArrayNode languages = out.putArray("languages");
            SortedMap<Language, Double> confidences = detector.computeLanguageConfidenceValues(document.path("text").asText());
            for (Map.Entry<Language, Double> entry : confidences.entrySet()) {
                if (languages.size() == TOP || entry.getValue() <= 0) break;
                String[] codes = names.get(entry.getKey());
                languages.addObject().put("iso6391", codes[0]).put("iso6393", codes[1]).put("name", codes[2])
                        .put("confidence", entry.getValue());
            }
        }
        ctx.contentType("application/json").result(json.writeValueAsBytes(answer));
    }
}
