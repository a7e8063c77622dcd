package io.gureum.platform.blobs;

import java.io.InputStream;
import java.util.Optional;

/**
 * Opaque bytes by key ({@code operations/<id>/input}): operation inputs and results.
 * A local folder on one machine, S3 when nodes scale out; callers never see which.
 * {@code put} is all-or-nothing: a reader sees the old bytes or the new ones, never a partial write.
 */
public interface BlobStore {
    void put(String key, byte[] data);

    /**
     * Streams {@code in} into the blob without holding it in memory (a 1 GB dataset upload), all-or-nothing like
     * {@link #put(String, byte[])}.
     *
     * @return the number of bytes stored
     * @throws io.gureum.core.Problem 413 {@code payload_too_large} when more than {@code maxBytes} arrive; nothing is stored
     */
    long put(String key, InputStream in, long maxBytes);

    /** The blob's bytes as a stream, for blobs too large to read at once; the caller closes it. */
    Optional<InputStream> open(String key);

    Optional<byte[]> get(String key);

    /** Removes the blob; a missing key is not an error. */
    void delete(String key);
}
