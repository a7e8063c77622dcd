package io.gureum.language;

import io.gureum.runtime.models.InstalledModel;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Apache OpenNLP's language detector with its {@code langdetect-183.bin} model (103 languages, maximum
 * entropy over character n-grams): smaller and faster to load than Lingua, weaker on short texts.
 */
public final class OpenNlpEngine implements LanguageDetectionEngine {
    public static final String PACK_ID = "opennlp-langdetect";
    /** The model file of the {@code opennlp-langdetect} packs, inside the installed model's folder. */
    static final String MODEL_FILE = "langdetect-183.bin";

    @Override
    public String packId() {
        return PACK_ID;
    }

    @Override
    public LanguageIdentifier open(InstalledModel model) {
        Path file = model.file(MODEL_FILE);
        try {
            return new Identifier(new LanguageDetectorModel(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP language detector model " + file, e);
        }
    }

    private static final class Identifier implements LanguageIdentifier {
        // OpenNLP documents LanguageDetectorME as not thread-safe; its thread-safe wrapper keeps one per
        // thread (a ThreadLocal read per call, no lock) around the one shared model.
        private final ThreadSafeLanguageDetectorME detector;
        private final Map<String, IsoLanguage> languages = new HashMap<>();

        Identifier(LanguageDetectorModel model) {
            this.detector = new ThreadSafeLanguageDetectorME(model);
            for (String code : detector.getSupportedLanguages()) languages.put(code, IsoLanguage.of(code));
        }

        @Override
        public List<DetectedLanguage> detect(String text, int top) {
            Language[] ranked = detector.predictLanguages(text);   // every language, best first
            int n = Math.min(top, ranked.length);
            List<DetectedLanguage> found = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String code = ranked[i].getLang();
                IsoLanguage language = languages.get(code);
                found.add((language != null ? language : IsoLanguage.of(code)).withConfidence(ranked[i].getConfidence()));
            }
            return found;
        }

        @Override
        public void close() {
            detector.close();
        }
    }
}
