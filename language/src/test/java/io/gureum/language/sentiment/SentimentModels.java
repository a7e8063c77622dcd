package io.gureum.language.sentiment;

import io.gureum.core.GureumHome;
import io.gureum.language.LanguageDetection;
import io.gureum.runtime.models.InstallProgress;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelInstaller;
import io.gureum.runtime.models.ModelStore;

import java.util.Optional;

/**
 * The model store of {@code $GUREUM_HOME} with the VADER lexicon and the default language detector installed through
 * the real installer ({@code ./gureum test} installs them beforehand; a bare {@code mvn test} on first use). One
 * {@link SentimentAnalysis} is shared, since Lingua takes seconds to load.
 */
final class SentimentModels {
    private static ModelStore store;
    private static SentimentAnalysis analysis;

    private SentimentModels() {}

    static synchronized ModelStore store() {
        if (store == null) {
            ModelStore s = new ModelStore(GureumHome.fromEnvironment().models(), ModelCatalog.builtIn());
            ModelInstaller installer = new ModelInstaller(s, InstallProgress.silent());
            for (String task : new String[] {SentimentAnalysis.TASK, LanguageDetection.TASK}) {
                installer.install(s.catalog().defaultFor(task).orElseThrow());
            }
            store = s;
        }
        return store;
    }

    static synchronized SentimentAnalysis analysis() {
        if (analysis == null) analysis = new SentimentAnalysis(store(), new LanguageDetection(store()));
        return analysis;
    }

    static VaderLexicon lexicon() {
        return VaderLexicon.read(store().resolve(SentimentAnalysis.TASK, Optional.empty()).file(VaderLexicon.FILE));
    }
}
