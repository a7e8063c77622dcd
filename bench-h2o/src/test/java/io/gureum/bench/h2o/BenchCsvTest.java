package io.gureum.bench.h2o;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCsvTest {
  @TempDir Path dir;

  @Test
  void appendsEachRowsFoldAsALastColumnAndKeepsTheRowsAsTheyWere() throws IOException {
    Path csv = write("plain.csv", "a,\"b, quoted\",class\n1,\"x,y\",good\n\n2,z,bad\r\n");
    BenchCsv data = BenchCsv.prepare(csv, "class", write("folds", "3\n0\n"), dir.resolve("out.csv"));

    assertThat(data.columns()).containsExactly("a", "b, quoted", "class", "gureum_fold");
    assertThat(data.rows()).isEqualTo(2);
    assertThat(data.folds()).isEqualTo(2);
    assertThat(Files.readAllLines(data.file()))
        .containsExactly("a,\"b, quoted\",class,gureum_fold", "1,\"x,y\",good,3", "2,z,bad,0");
  }

  @Test
  void namesTheColumnsOfAScikitLearnCsv() throws IOException {
    Path csv = write("iris.csv", "3,2,setosa,versicolor\n5.1,3.5,0\n4.9,3.0,1\n6.0,2.2,1\n");
    BenchCsv data = BenchCsv.prepare(csv, "target", write("folds", "0\n1\n0\n"), dir.resolve("out.csv"));

    assertThat(data.columns()).containsExactly("x1", "x2", "target", "gureum_fold");
    assertThat(Files.readAllLines(data.file()).get(0)).isEqualTo("x1,x2,target,gureum_fold");
  }

  @Test
  void picksAFoldColumnNameTheDataDoesNotUse() throws IOException {
    Path csv = write("taken.csv", "gureum_fold,y\n1,a\n2,b\n");
    assertThat(BenchCsv.prepare(csv, "y", write("folds", "0\n1\n"), dir.resolve("out.csv")).foldColumn()).isEqualTo("gureum_fold2");
  }

  @Test
  void refusesFoldsThatDoNotFitTheRows() throws IOException {
    Path csv = write("d.csv", "x,y\n1,a\n2,b\n3,a\n");
    assertThatThrownBy(() -> BenchCsv.prepare(csv, "y", write("short", "0\n1\n"), dir.resolve("o")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("2 fold ids but").hasMessageContaining("3 data rows");
    assertThatThrownBy(() -> BenchCsv.prepare(csv, "y", write("one", "0\n0\n0\n"), dir.resolve("o")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("names 1 fold");
    assertThatThrownBy(() -> BenchCsv.prepare(csv, "y", write("text", "0\n1\nb\n"), dir.resolve("o")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("line 3 is not an integer");
    assertThatThrownBy(() -> BenchCsv.prepare(csv, "z", write("ok", "0\n1\n0\n"), dir.resolve("o")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("no column 'z'");
  }

  @Test
  void refusesAQuotedFieldSpanningLinesAsItWouldShiftTheFolds() throws IOException {
    Path csv = write("multi.csv", "x,y\n\"1\n2\",a\n3,b\n");
    assertThatThrownBy(() -> BenchCsv.prepare(csv, "y", write("f", "0\n1\n"), dir.resolve("o")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("spanning lines");
  }

  @Test
  void splitsOnCommasOutsideQuotes() {
    assertThat(BenchCsv.fields("a,\"b,\"\"c\"\"\", d ")).isEqualTo(List.of("a", "b,\"c\"", "d"));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
