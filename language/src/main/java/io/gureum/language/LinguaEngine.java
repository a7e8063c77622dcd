package io.gureum.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.gureum.runtime.models.InstalledModel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Lingua (all 75 languages, high-accuracy mode): the default language detector, the most accurate on
 * short texts. Its n-gram models ship inside the Lingua jar, so the installed pack only holds the card.
 *
 * <p>Lingua keeps its models in JVM-wide maps: {@code withPreloadedLanguageModels} fills them once
 * (5-10 s, about 1.5 GB of heap) so no request waits for a lazy load, and {@link LanguageIdentifier#close}
 * empties them; a Lingua detector still open elsewhere in the JVM then reloads a language lazily on use.
 * Detection is thread-safe and this class adds no lock. Lingua 1.2.2 itself, though, enters a JVM-wide
 * monitor for every n-gram lookup and runs each detection as tasks on the common
 * {@link java.util.concurrent.ForkJoinPool} (five n-gram sizes for texts under 120 characters, one above), so
 * under many concurrent requests its throughput is bounded by that pool (cores - 1) and that monitor.
 */
public final class LinguaEngine implements LanguageDetectionEngine {
    public static final String PACK_ID = "lingua";

    @Override
    public String packId() {
        return PACK_ID;
    }

    @Override
    public LanguageIdentifier open(InstalledModel model) {
        return new Identifier(LanguageDetectorBuilder.fromAllLanguages().withPreloadedLanguageModels().build());
    }

    private static final class Identifier implements LanguageIdentifier {
        private final LanguageDetector detector;
        private final Map<Language, IsoLanguage> languages = new EnumMap<>(Language.class);

        Identifier(LanguageDetector detector) {
            this.detector = detector;
            for (Language language : Language.all()) {
                languages.put(language, IsoLanguage.of(language.getIsoCode639_3().name()));
            }
        }

        @Override
        public List<DetectedLanguage> detect(String text, int top) {
            // Sorted best first; relative values: the best is 1.0, languages ruled out score 0.
            SortedMap<Language, Double> confidences = detector.computeLanguageConfidenceValues(text);
            List<DetectedLanguage> found = new ArrayList<>(Math.min(top, confidences.size()));
            for (Map.Entry<Language, Double> entry : confidences.entrySet()) {
                double confidence = entry.getValue();
                if (found.size() == top || confidence <= 0) break;
                found.add(languages.get(entry.getKey()).withConfidence(confidence));
            }
            return found;
        }

        @Override
        public void close() {
            detector.unloadLanguageModels();
        }
    }
}
