package io.gureum.runtime.models;

import java.nio.file.Path;

/**
 * A pack that is installed: its card and its folder ({@code <store>/<id>/<version>/}).
 * For classpath delivery the folder holds only {@code model-card.json}; the data is in the jar.
 */
public record InstalledModel(ModelCard card, Path dir) {

    /** A file of this pack by its path as listed in the card. */
    public Path file(String path) {
        Path file = dir.resolve(path).normalize();
        if (!file.startsWith(dir.normalize())) {
            throw new IllegalArgumentException("'" + path + "' is outside the folder of " + card.ref());
        }
        return file;
    }
}
