package io.gureum.language;

import io.gureum.runtime.models.InstalledModel;

/**
 * An engine that serves the language-detection model packs of one catalog id, found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.gureum.language.LanguageDetectionEngine}).
 * Implementations need a public no-argument constructor and hold no state: {@link LanguageDetection}
 * opens each installed model once and shares what {@link #open} returns between threads.
 */
public interface LanguageDetectionEngine {
    /** The catalog pack id this engine serves, e.g. {@code "lingua"}. */
    String packId();

    /** Loads an installed model of this engine's pack; may take seconds and much memory. */
    LanguageIdentifier open(InstalledModel model);
}
