package io.gureum.automl.data;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ColumnProfilerTest {
    @Test
    void infersEachTypeAndItsStatistics() {
        StringBuilder csv = new StringBuilder("row_id,height,colour,member,joined,review,country,code\n");
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < 60; i++) {
            csv.append(i + 1).append(',')
                    .append(i % 10 == 0 ? "" : Double.toString(150 + (i * 37) % 60)).append(',')
                    .append(colours[i % 3]).append(',')
                    .append(i % 2 == 0 ? "yes" : "no").append(',')
                    .append(String.format("2024-%02d-%02d", 1 + i % 12, 1 + i % 28)).append(',')
                    .append("\"this product number ").append(i).append(" was really quite something\"").append(',')
                    .append("KR").append(',')
                    .append("A").append(1000 + i * 7).append('\n');
        }
        Dataset data = Dataset.read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), CsvOptions.defaults());
        assertThat(data.profile("row_id").orElseThrow().type()).isEqualTo(ColumnType.ID);
        assertThat(data.profile("height").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(data.profile("colour").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(data.profile("member").orElseThrow().type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(data.profile("joined").orElseThrow().type()).isEqualTo(ColumnType.DATETIME);
        assertThat(data.profile("review").orElseThrow().type()).isEqualTo(ColumnType.TEXT);
        assertThat(data.profile("country").orElseThrow().type()).isEqualTo(ColumnType.CONSTANT);
        assertThat(data.profile("code").orElseThrow().type()).isEqualTo(ColumnType.ID);

        ColumnStats height = data.profile("height").orElseThrow().stats();
        assertThat(height.count()).isEqualTo(54);
        assertThat(height.missing()).isEqualTo(6);
        assertThat(height.min()).isEqualTo(151.0);
        assertThat(height.max()).isEqualTo(209.0);
        assertThat(height.mean()).isCloseTo(180.0, within(0.6));
        assertThat(height.std()).isPositive();
        ColumnStats colour = data.profile("colour").orElseThrow().stats();
        assertThat(colour.distinct()).isEqualTo(3);
        assertThat(colour.topValues()).extracting(ValueCount::count).containsExactly(20L, 20L, 20L);
        assertThat(Double.isNaN(colour.mean())).isTrue();
        assertThat(data.preview(2)).hasSize(2);
        assertThat(data.preview(2).get(0)).containsEntry("colour", "red").containsEntry("height", null);
    }
}
