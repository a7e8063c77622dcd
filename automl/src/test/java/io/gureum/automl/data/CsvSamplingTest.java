package io.gureum.automl.data;

import io.gureum.core.Problem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Counting and sampling a file too large to hold: every row is checked, a seeded share is kept, the same each time. */
class CsvSamplingTest {
    private static ByteArrayInputStream csv(int rows, String extraLastLine) {
        StringBuilder s = new StringBuilder("x,label\n");
        for (int i = 0; i < rows; i++) s.append(i).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        s.append(extraLastLine);
        return new ByteArrayInputStream(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countsEveryRowAndKeepsASeededShare() {
        CsvReader reader = new CsvReader(CsvOptions.defaults());
        assertThat(reader.count(csv(10_000, ""))).isEqualTo(10_000);
        Table half = reader.read(csv(10_000, ""), 0.5, 7);
        assertThat(half.rowCount()).isBetween(4_700, 5_300);
        assertThat(reader.read(csv(10_000, ""), 0.5, 7).preview(50)).as("the same seed keeps the same rows").isEqualTo(half.preview(50));
        assertThat(reader.read(csv(10_000, ""), 1.0, 7).rowCount()).isEqualTo(10_000);
    }

    @Test
    void aMalformedRowIsFoundWhetherOrNotItIsKept() {
        CsvReader reader = new CsvReader(CsvOptions.defaults());
        for (double keep : new double[] {0.001, 1.0}) {
            assertThatThrownBy(() -> reader.read(csv(5_000, "1,a,extra\n"), keep, 1)).isInstanceOfSatisfying(Problem.class, p -> {
                assertThat(p.code()).isEqualTo(CsvProblems.MALFORMED);
                assertThat(p.extensions().get("row")).isEqualTo(5_002L);
            });
        }
        assertThatThrownBy(() -> reader.count(csv(5_000, "1,a,extra\n"))).isInstanceOf(Problem.class);
    }
}
