package io.gureum.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The peer of {@code bench speech}'s text-to-speech: the {@code espeak-ng} command line (Debian {@code espeak-ng}),
 * the same synthesiser Gureum's {@code espeak} voices call through libespeak-ng, run as a script would: one
 * {@code espeak-ng -v en-us --stdout TEXT} per text, its WAV read from stdout as it comes. A run's time holds the
 * process start and espeak-ng loading its voice data; that is the point of comparison, as the server's overhead
 * (HTTP, auth, metering, chunking) is what {@code bench speech} is after.
 */
final class SpeechEspeakCli {
    static final String EXECUTABLE = "espeak-ng";
    static final String INSTALL = "sudo apt-get install -y espeak-ng";
    private static final long TIMEOUT_SECONDS = 120;

    private final String executable;

    SpeechEspeakCli(String executable) {
        this.executable = executable;
    }

    static List<String> command(String executable, String voice, String text) {
        return List.of(executable, "-v", voice, "--stdout", text);
    }

    /** {@code eSpeak NG text-to-speech: 1.51  Data at: ...} → {@code eSpeak NG text-to-speech: 1.51}; null when it does not run. */
    String version() {
        try {
            Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) return null;
            int data = out.indexOf("Data at");
            return (data > 0 ? out.substring(0, data) : out).strip();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** One run, timed from process start: first audio byte, first 4 KiB, exit; and the audio's length. */
    SpeechWav.Timed speak(String voice, String text) throws IOException {
        List<String> command = command(executable, voice, text);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        SpeechWav.Timed timed;
        try (InputStream in = process.getInputStream()) {
            timed = SpeechWav.read(in, start);
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("espeak-ng ran over " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) throw new IOException(command.get(0) + " -v " + voice + " exited with " + process.exitValue());
        // the process has exited: its end is the total, not the last read (they differ by the exit itself)
        double total = (System.nanoTime() - start) / 1e9;
        return new SpeechWav.Timed(timed.firstAudioSeconds(), timed.firstBytesSeconds(), total, timed.bytes(), timed.audioSeconds());
    }
}
