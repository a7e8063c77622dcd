package io.gureum.language.translation.apertium;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * HTML as {@code apertium -f html} handles it, which depends on what is installed: with Transfuse
 * ({@code tf-extract}, {@code tf-inject}; Debian's apertium recommends it) an HTML parser keeps inline tags on the
 * words they wrap, so that {@code <b>} follows its word when the word order changes; without it, apertium's own
 * {@code apertium-deshtml} and {@code apertium-rehtml} keep tags as blanks. Either way each text runs these small
 * programs once on each side of the long-lived pipeline: they read to the end of their input, so cannot stay
 * running between texts. They take a few milliseconds (Transfuse's state folder is put on tmpfs when there is one:
 * its SQLite file syncs on every write, 140 ms a text on a disk).
 */
final class HtmlFormats {
    private HtmlFormats() {}

    /** The one {@code apertium -f html} would use here, or empty when neither is installed. */
    static Optional<StreamFormat> installed(Map<String, String> environment) {
        if (Programs.onPath("tf-extract").isPresent() && Programs.onPath("tf-inject").isPresent()) {
            return Optional.of(transfuse(environment));
        }
        if (Programs.onPath("apertium-deshtml").isPresent() && Programs.onPath("apertium-rehtml").isPresent()) {
            return Optional.of(apertiumFilters(environment));
        }
        return Optional.empty();
    }

    /** {@code tf-extract -f html | pipeline -z | tf-inject}, with a state folder per text. */
    static StreamFormat transfuse(Map<String, String> environment) {
        return (text, deadline) -> {
            Path folder = Files.createTempDirectory(stateRoot(), "gureum-transfuse-");
            try {
                String state = folder.resolve("state").toString();
                byte[] stream = Programs.run(List.of("tf-extract", "-f", "html", "-d", state),
                        withoutNul(text), environment, deadline);
                List<String> chunks = splitAtNul(stream);
                return new StreamFormat.Deformatted() {
                    @Override
                    public List<String> chunks() {
                        return chunks;
                    }

                    @Override
                    public String reformat(List<String> translated, long deadlineNanos)
                            throws IOException, TimeoutException, InterruptedException {
                        byte[] html = Programs.run(List.of("tf-inject", "-f", "html", "-d", state),
                                joinWithNul(translated), environment, deadlineNanos);
                        return new String(html, StandardCharsets.UTF_8);
                    }

                    @Override
                    public void close() {
                        deleteTree(folder);
                    }
                };
            } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
                deleteTree(folder);
                throw e;
            }
        };
    }

    /** {@code apertium-deshtml | pipeline | apertium-rehtml}: the whole text is one chunk. */
    static StreamFormat apertiumFilters(Map<String, String> environment) {
        return (text, deadline) -> {
            byte[] stream = Programs.run(List.of("apertium-deshtml"), withoutNul(text), environment, deadline);
            List<String> chunks = List.of(new String(stream, StandardCharsets.UTF_8).replace("\0", ""));
            return new StreamFormat.Deformatted() {
                @Override
                public List<String> chunks() {
                    return chunks;
                }

                @Override
                public String reformat(List<String> translated, long deadlineNanos)
                        throws IOException, TimeoutException, InterruptedException {
                    byte[] html = Programs.run(List.of("apertium-rehtml"), translated.get(0).getBytes(StandardCharsets.UTF_8),
                            environment, deadlineNanos);
                    return new String(html, StandardCharsets.UTF_8);
                }

                @Override
                public void close() {}
            };
        };
    }

    /** The text as UTF-8 without NUL characters, which would end a chunk early. */
    private static byte[] withoutNul(String text) {
        return text.replace("\0", "").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The NUL-terminated chunks of a stream; what follows the last NUL (Transfuse ends with one, so normally
     * nothing) is a chunk too, unless empty.
     */
    static List<String> splitAtNul(byte[] stream) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < stream.length; i++) {
            if (stream[i] == 0) {
                chunks.add(new String(stream, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < stream.length) chunks.add(new String(stream, start, stream.length - start, StandardCharsets.UTF_8));
        return List.copyOf(chunks);
    }

    /** Each chunk and its NUL, as the pipeline passes them on. */
    static byte[] joinWithNul(List<String> chunks) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (String chunk : chunks) {
            stream.writeBytes(chunk.getBytes(StandardCharsets.UTF_8));
            stream.write(0);
        }
        return stream.toByteArray();
    }

    /** /dev/shm when it is a writable folder (tmpfs on Linux), else the JVM's temporary folder. */
    private static Path stateRoot() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder: nothing a request can do about it
        }
    }
}
