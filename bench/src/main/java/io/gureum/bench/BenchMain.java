package io.gureum.bench;

import io.gureum.server.http.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gureum bench}: the benchmarks, run by the launcher as {@code java -jar bench/target/gureum-bench.jar}. */
@Command(name = "gureum bench", mixinStandardHelpOptions = true, subcommands = {HttpBench.class, VisionBench.class, OcrBench.class, SpeechBench.class, LanguageBench.class, ChatbotBench.class, AutomlBench.class},
        versionProvider = BenchMain.Version.class,
        description = "Benchmarks of this machine's Gureum build.")
public final class BenchMain implements Runnable {
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new BenchMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BenchException) {
                cmd.getErr().println("gureum bench: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[]{"gureum bench " + BuildInfo.version()}; }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
