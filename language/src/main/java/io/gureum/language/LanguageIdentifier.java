package io.gureum.language;

import java.util.List;

/**
 * A loaded language-detection model. Thread-safe: one instance serves all requests, so
 * {@link #detect} takes no lock of ours and allocates no detector per call.
 */
public interface LanguageIdentifier extends AutoCloseable {
    /**
     * The most likely languages of {@code text}, best first, at most {@code top} of them; empty when the
     * engine finds none. Callers have already checked that the text contains at least one letter.
     */
    List<DetectedLanguage> detect(String text, int top);

    /** Releases the model's memory; the instance must not be used afterwards. */
    @Override
    void close();
}
