package io.gureum.runtime.models;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleProgressTest {
    private final ModelPack pack = ModelCatalog.builtIn().packs().get(1);

    @Test
    void logsGetPlainLinesAtEachQuarter() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

        progress.step(pack, "verifying sha256");
        for (long done = 0; done <= 1000; done += 10) progress.bytes(pack, done, 1000);

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("\r");
        assertThat(out.lines()).containsExactly("opennlp-langdetect@1.3.0: verifying sha256",
                "    0%  0 B / 1000 B", "   25%  250 B / 1000 B", "   50%  500 B / 1000 B",
                "   75%  750 B / 1000 B", "  100%  1000 B / 1000 B");
    }

    @Test
    void terminalsGetABarRedrawnInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);

        progress.step(pack, "copying");
        progress.bytes(pack, 0, 4 << 20);
        progress.bytes(pack, 2 << 20, 4 << 20);
        progress.bytes(pack, 4 << 20, 4 << 20);
        progress.step(pack, "writing model-card.json");

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("\r  [" + "#".repeat(15) + " ".repeat(15) + "]  50%  2.0 MiB / 4.0 MiB")
                .contains("100%  4.0 MiB / 4.0 MiB\nopennlp-langdetect@1.3.0: writing model-card.json");
    }
}
