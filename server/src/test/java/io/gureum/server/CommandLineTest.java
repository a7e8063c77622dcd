package io.gureum.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI as an operator runs it: a real child process against a home folder, then the key used over HTTP. */
class CommandLineTest {

    @Test
    void keysCreateMakesAProjectKeyThatTheServerAccepts(@TempDir Path home) throws Exception {
        String output = run(home, "keys", "create", "--project", "cli-project", "--scopes", "language", "--quota", "language=500");
        assertThat(output).contains("Created key key_", "in project cli-project");
        String secret = output.lines().filter(l -> l.startsWith("gur_")).findFirst().orElseThrow();

        try (TestServer server = TestServer.start(null, Map.of("GUREUM_HOME", home.toString()))) {
            ApiClient.Response r = server.api.postJson("/v1/language/detect", secret,
                    Map.of("documents", List.of(Map.of("id", "1", "text", "Questa è una frase italiana."))));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().at("/documents/0/languages/0/iso6391").asText()).isEqualTo("it");
        }
        assertThat(run(home, "models", "list")).contains("lingua*", "opennlp-langdetect", "Apache-2.0");
    }

    private static String run(Path home, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(TestServer.baseEnvironment(home));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
