package io.gureum.runtime.models;

import java.nio.file.Path;
import java.util.List;

/**
 * A pack that is installed: its card and its folder ({@code <store>/<id>/<version>/}).
 * For classpath delivery the folder holds only {@code model-card.json}; the data is in the jar.
 */
public record InstalledModel(ModelCard card, Path dir) {

    /**
     * The ONNX model this pack serves: the file its conversion produced, else its one {@code .onnx}
     * file. Throws when the pack has neither (it is not an ONNX model pack).
     */
    public Path onnxFile() {
        if (card.converted() != null) return file(card.converted().path());
        List<PackFile> onnx = card.files().stream().filter(f -> f.path().endsWith(".onnx")).toList();
        if (onnx.size() != 1) throw new IllegalStateException(card.ref() + " has no single ONNX model file");
        return file(onnx.get(0).path());
    }

    /** A file of this pack by its path as listed in the card. */
    public Path file(String path) {
        Path file = dir.resolve(path).normalize();
        if (!file.startsWith(dir.normalize())) {
            throw new IllegalArgumentException("'" + path + "' is outside the folder of " + card.ref());
        }
        return file;
    }
}
