package io.gureum.automl;

import io.gureum.automl.data.Dataset;
import io.gureum.automl.data.SklearnCsv;
import io.gureum.core.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shared AutoML CSVs ({@code automl/csv/} in the shared data); skips the test when they are absent. */
final class SharedCsv {
    static final String FOLDER = "automl/csv/";

    private SharedCsv() {}

    static Dataset load(String file) {
        Path path = SharedData.resolve(FOLDER + file);
        assumeTrue(Files.isRegularFile(path), "no shared data " + path + " (set GUREUM_SHARED_DATA); skipping");
        if (!SklearnCsv.isSklearnLayout(path)) return Dataset.read(path);
        try {
            Path converted = Files.createTempFile("automl-" + file, ".csv");
            try {
                SklearnCsv.convert(path, converted);
                return Dataset.read(converted);
            } finally {
                Files.deleteIfExists(converted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
