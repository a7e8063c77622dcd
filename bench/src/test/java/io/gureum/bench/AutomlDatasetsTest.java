package io.gureum.bench;

import io.gureum.automl.data.Dataset;
import io.gureum.automl.data.SklearnCsv;
import io.gureum.core.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AutomlDatasetsTest {
    /** Every CSV the bench finds has a target it knows, and that column is in the file (converted where needed). */
    @Test
    void everySharedCsvHasAKnownTargetColumn(@TempDir Path work) throws IOException {
        Path folder = SharedData.resolve(AutomlBench.CSV_FOLDER);
        assumeTrue(Files.isDirectory(folder), "no shared data " + folder + "; skipping");
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".csv")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            AutomlDatasets.Entry entry = AutomlDatasets.of(file.getFileName().toString()).orElseThrow();
            Path csv = file;
            if (SklearnCsv.isSklearnLayout(file)) {
                csv = work.resolve(file.getFileName());
                SklearnCsv.convert(file, csv);
            }
            assertThat(Dataset.read(csv).table().columnNames()).as(file.toString()).endsWith(entry.target());
        }
    }
}
