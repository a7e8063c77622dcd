package io.gureum.runtime.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** sha256 of a file, read once, reporting bytes as it goes (models are large enough to want a bar). */
final class Sha256 {
    private static final int BUFFER = 1 << 20;

    /** Told after every buffer read. */
    @FunctionalInterface
    interface ByteCounter {
        void bytes(long done, long total);
    }

    private Sha256() {}

    static String of(Path file, ByteCounter counter) throws IOException {
        return copy(file, null, counter);
    }

    /** Copies {@code from} to {@code to} (when not null) and returns the sha256 of what was copied. */
    static String copy(Path from, Path to, ByteCounter counter) throws IOException {
        MessageDigest digest = newDigest();
        long total = Files.size(from);
        long done = 0;
        byte[] buffer = new byte[BUFFER];
        counter.bytes(0, total);
        try (InputStream in = Files.newInputStream(from);
             OutputStream out = to == null ? OutputStream.nullOutputStream()
                     : Files.newOutputStream(to, StandardOpenOption.CREATE_NEW)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                done += n;
                counter.bytes(done, Math.max(total, done));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
