package io.gureum.language.translation.apertium;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The {@code apertium} command, one process per text: what {@link ApertiumTranslator} must match byte for byte,
 * and the process-per-request baseline it is measured against. Not for serving: each call loads the pair's
 * dictionaries again.
 */
public final class ApertiumCommand {
    private ApertiumCommand() {}

    /** Whether the {@code apertium} command is on {@code PATH}. */
    public static boolean available() {
        return Programs.onPath("apertium").isPresent();
    }

    /**
     * What {@code apertium [-f html] <pair>} prints for {@code text} on its standard input.
     *
     * @param environment added to this process's, e.g. {@code APERTIUM_TRANSFUSE=no} for apertium's own HTML filters
     */
    public static String translate(String pair, String text, boolean html, Map<String, String> environment, Duration timeout) {
        List<String> command = new ArrayList<>(List.of("apertium"));
        if (html) command.addAll(List.of("-f", "html"));
        command.add(pair);
        try {
            byte[] out = Programs.run(command, text.getBytes(StandardCharsets.UTF_8), environment,
                    System.nanoTime() + timeout.toNanos());
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("apertium " + pair + " did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
