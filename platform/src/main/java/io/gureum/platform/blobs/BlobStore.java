package io.gureum.platform.blobs;

import java.util.Optional;

/**
 * Opaque bytes by key ({@code operations/<id>/input}): operation inputs and results.
 * A local folder on one machine, S3 when nodes scale out; callers never see which.
 * {@code put} is all-or-nothing: a reader sees the old bytes or the new ones, never a partial write.
 */
public interface BlobStore {
    void put(String key, byte[] data);

    Optional<byte[]> get(String key);

    /** Removes the blob; a missing key is not an error. */
    void delete(String key);
}
