package io.gureum.platform.blobs;

import io.gureum.core.Problem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Blobs as files under a root folder (the embedded default, {@code $GUREUM_HOME/blobs}).
 * A put writes a temp file next to the target, fsyncs it, renames it into place atomically and
 * fsyncs the folder, so after a crash a key holds either its old bytes or its new ones.
 */
public final class FileBlobStore implements BlobStore {
    private final Path root;

    public FileBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create blob folder " + this.root, e);
        }
    }

    @Override
    public void put(String key, byte[] data) {
        put(key, new ByteArrayInputStream(data), Long.MAX_VALUE);
    }

    @Override
    public long put(String key, InputStream in, long maxBytes) {
        Path target = pathOf(key);
        Path dir = target.getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(dir);
            long written = 0;
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] chunk = new byte[1 << 16];
                for (int n; (n = in.read(chunk)) > 0; ) {
                    written += n;
                    if (written > maxBytes) throw Problem.tooLarge("The upload is over the limit of " + maxBytes + " bytes.");
                    ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, n);
                    while (buffer.hasRemaining()) ch.write(buffer);
                }
                ch.force(true);
            }
            move(temp, target);
            syncFolder(dir);
            return written;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write blob '" + key + "'", e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        Path path = pathOf(key);
        try {
            return Optional.of(Files.newInputStream(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob '" + key + "'", e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        Path path = pathOf(key);
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob '" + key + "'", e);
        }
    }

    @Override
    public void delete(String key) {
        Path path = pathOf(key);
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete blob '" + key + "'", e);
        }
    }

    private Path pathOf(String key) {
        Path path = root.resolve(BlobKeys.check(key)).normalize();
        // BlobKeys already forbids '..'; this is the belt to its braces.
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("blob key '" + key + "' points outside the blob folder");
        }
        return path;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on exotic file systems; a plain replace is the best left.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable. Not every OS can open a folder for sync (Windows); then we rely on the rename. */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort, see above
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the temp file is garbage either way
        }
    }
}
