package io.gureum.bench.h2o;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerArgsTest {
  @TempDir Path dir;

  @Test
  void readsTheBenchContract() throws IOException {
    Path csv = Files.writeString(dir.resolve("d.csv"), "x,y\n");
    Path folds = Files.writeString(dir.resolve("f"), "0\n");
    PeerArgs args = PeerArgs.parse(new String[] {"--csv", csv.toString(), "--target", "y", "--fold-ids", folds.toString(),
        "--budget-seconds", "60", "--seed", "7", "--metric", "LogLoss", "--threads", "3"});

    assertThat(args).isEqualTo(new PeerArgs(csv, "y", folds, 60, 7, PeerArgs.Metric.LOGLOSS, 3));
    assertThat(args.metric().h2oName()).isEqualTo("logloss");
    assertThat(args.metric().classification()).isTrue();
    assertThat(PeerArgs.Metric.RMSE.classification()).isFalse();
  }

  @Test
  void refusesAnIncompleteOrWrongCommandLine() {
    assertThatThrownBy(() -> PeerArgs.parse(new String[] {"--csv", "x.csv"}))
        .isInstanceOf(PeerArgs.UsageException.class).hasMessageContaining("are all required");
    assertThatThrownBy(() -> PeerArgs.parse(new String[] {"--metric", "f1"})).hasMessageContaining("auc, logloss or rmse");
    assertThatThrownBy(() -> PeerArgs.parse(new String[] {"--budget-seconds", "0"})).hasMessageContaining("positive");
    assertThatThrownBy(() -> PeerArgs.parse(new String[] {"--seed"})).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> PeerArgs.parse(new String[] {"--nfolds", "5"})).hasMessageContaining("unknown option");
  }
}
