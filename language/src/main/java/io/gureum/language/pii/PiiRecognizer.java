package io.gureum.language.pii;

import java.util.List;

/** Finds the candidates of one category in a text; {@link PiiDetection} resolves overlaps between all of them. */
interface PiiRecognizer {
    PiiCategory category();

    /** Adds every candidate in {@code text} to {@code found}, overlapping ones included. */
    void find(String text, List<PiiEntity> found);
}
