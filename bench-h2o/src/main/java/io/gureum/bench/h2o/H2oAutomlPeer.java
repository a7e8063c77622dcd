package io.gureum.bench.h2o;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The H2O AutoML peer of {@code ./gureum bench automl}: one dataset, one set of folds, one budget per JVM; the result is the
 * last line on stdout, everything else goes to stderr. It always ends with System.exit, as H2O's threads are not daemons.
 */
public final class H2oAutomlPeer {
  private H2oAutomlPeer() {}

  public static void main(String[] argv) {
    // H2O logs to stdout; the caller reads stdout for the result only
    PrintStream result = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream log = System.err;
    System.setOut(log);
    Path workDir = null;
    int status = 1;
    try {
      PeerArgs args = PeerArgs.parse(argv);
      requireOpenJavaLang();
      workDir = Files.createTempDirectory("gureum-bench-h2o-");
      BenchCsv data = BenchCsv.prepare(args.csv(), args.target(), args.foldIds(), workDir.resolve("data.csv"));
      log.printf("h2o: %s, %d rows, target %s, %d folds, %s, %d s, seed %d, %d threads%n", args.csv().getFileName(), data.rows(),
          data.target(), data.folds(), args.metric().h2oName(), args.budgetSeconds(), args.seed(), args.threads());
      H2oCloud.start(workDir, args.threads());
      AutomlRun.Result r = AutomlRun.run(data, args, log);
      result.println(r.toJson());
      status = 0;
    } catch (PeerArgs.UsageException e) {
      if (e.getMessage() != null) log.println("gureum-bench-h2o: " + e.getMessage());
      log.println(PeerArgs.USAGE);
      status = e.getMessage() == null ? 0 : 2;
    } catch (BadInputException e) {
      log.println("gureum-bench-h2o: " + e.getMessage());
    } catch (Throwable e) {
      log.println("gureum-bench-h2o: failed: " + e);
      e.printStackTrace(log);
    } finally {
      deleteQuietly(workDir);
    }
    log.flush();
    System.exit(status);
  }

  /** Without it H2O fails deep inside its serialisation with a ClassNotFoundException that names no cause. */
  private static void requireOpenJavaLang() {
    if (!Object.class.getModule().isOpen("java.lang", H2oAutomlPeer.class.getModule()))
      throw new BadInputException("H2O needs java.lang open to it: run java --add-opens java.base/java.lang=ALL-UNNAMED -jar ...");
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException ignored) {
      // a temp folder left behind is not worth failing a finished run for
    }
  }
}
