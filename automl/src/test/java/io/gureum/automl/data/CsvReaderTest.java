package io.gureum.automl.data;

import io.gureum.core.Problem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {
    private static Table read(String csv) {
        return read(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static Table read(byte[] bytes) {
        return new CsvReader(CsvOptions.defaults()).read(new ByteArrayInputStream(bytes));
    }

    @Test
    void readsQuotedFieldsCrlfAndMissingValues() {
        Table t = read("name,age,note\r\n\"Kim, Min-ji\",34,\"said \"\"hi\"\"\nthen left\"\r\nLee,NA,\r\n\r\n");
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.columnNames()).containsExactly("name", "age", "note");
        Column name = t.column("name").orElseThrow();
        assertThat(name.text(0)).isEqualTo("Kim, Min-ji");
        assertThat(t.column("note").orElseThrow().text(0)).isEqualTo("said \"hi\"\nthen left");
        assertThat(t.column("age").orElseThrow().number(0)).isEqualTo(34.0);
        assertThat(t.column("age").orElseThrow().isMissing(1)).isTrue();
        assertThat(t.column("note").orElseThrow().isMissing(1)).isTrue();
    }

    @Test
    void detectsGzipByItsMagicBytesAndSkipsTheByteOrderMark() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buffer)) {
            gz.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            gz.write("a,b\n1,x\n2,y\n".getBytes(StandardCharsets.UTF_8));
        }
        Table t = read(buffer.toByteArray());
        assertThat(t.columnNames()).containsExactly("a", "b");
        assertThat(t.column("b").orElseThrow().text(1)).isEqualTo("y");
    }

    @Test
    void manyDistinctNumbersAreStoredAsNumbers() {
        StringBuilder csv = new StringBuilder("x,label\n");
        int n = ColumnBuilder.NUMERIC_SWITCH + 100;
        for (int i = 0; i < n; i++) csv.append(i * 0.5).append(',').append(i % 3 == 0 ? "a" : "b").append('\n');
        Table t = read(csv.toString());
        assertThat(t.column("x").orElseThrow()).isInstanceOf(NumberColumn.class);
        assertThat(t.column("x").orElseThrow().number(n - 1)).isEqualTo((n - 1) * 0.5);
        assertThat(t.column("label").orElseThrow()).isInstanceOf(DictionaryColumn.class);
    }

    @Test
    void aRowWithTheWrongFieldCountNamesItsRowAndColumn() {
        assertThatThrownBy(() -> read("a,b,c\n1,2,3\n4,5\n"))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.code()).isEqualTo("malformed_csv");
                    assertThat(p.extensions()).containsEntry("row", 3L).containsEntry("column", 3);
                    assertThat(p.detail()).contains("row 3").contains("expected 3 fields").contains("found 2");
                });
    }

    @Test
    void anUnterminatedQuoteNamesTheRowWhereItOpened() {
        assertThatThrownBy(() -> read("a,b\n1,2\n3,\"never closed\n4,5\n"))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.extensions()).containsEntry("row", 3L).containsEntry("column", 2);
                    assertThat(p.detail()).contains("not closed");
                });
    }

    @Test
    void emptyFilesHeadersWithoutDataAndHeaderlessFilesAreRefused() {
        assertThatThrownBy(() -> read("")).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.detail()).contains("empty"));
        assertThatThrownBy(() -> read("\n\n")).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> read("a,b\n")).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.detail()).contains("no data rows"));
        assertThatThrownBy(() -> read("1.5,2,3\n4,5,6\n")).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.extensions()).containsEntry("row", 1L);
            assertThat(p.detail()).contains("header row");
        });
    }

    @Test
    void duplicateAndEmptyHeaderNamesAreRefused() {
        assertThatThrownBy(() -> read("a,b,a\n1,2,3\n")).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.extensions()).containsEntry("row", 1L).containsEntry("column", 3);
            assertThat(p.detail()).contains("duplicate column name 'a'").contains("column 1");
        });
        assertThatThrownBy(() -> read("a,,c\n1,2,3\n")).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.extensions()).containsEntry("column", 2));
    }
}
