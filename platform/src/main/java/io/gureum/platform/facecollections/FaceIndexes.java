package io.gureum.platform.facecollections;

import java.util.Comparator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's cache of {@link FaceIndex}es. Every lookup reads the collection's version (one indexed
 * SELECT) and reloads only when it changed, so a face added or deleted on any node sharing the database
 * is seen by the next search here, with no messaging between nodes.
 *
 * <p>Loading holds the map's lock for that collection, so concurrent searches of a stale collection wait
 * for one load instead of each loading it. The cache keeps at most about {@code maxBytes} of vectors,
 * dropping the least recently used collections beyond that (the one just loaded always stays).
 */
public final class FaceIndexes {
    /** Room for about two full collections of 512-dimensional embeddings, or ten of 128. */
    public static final long DEFAULT_MAX_BYTES = 512L << 20;

    private final FaceCollectionStore store;
    private final long maxBytes;
    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();
    private final AtomicLong uses = new AtomicLong();

    private record Key(String projectId, String collectionId) {}

    private static final class Entry {
        final FaceIndex index;
        volatile long lastUse;

        Entry(FaceIndex index) { this.index = index; }
    }

    public FaceIndexes(FaceCollectionStore store, long maxBytes) {
        this.store = store;
        this.maxBytes = maxBytes;
    }

    /** The collection's current index; 404 {@code not_found} when the collection does not exist (any more). */
    public FaceIndex index(String projectId, String collectionId) {
        Key key = new Key(projectId, collectionId);
        OptionalLong version = store.version(projectId, collectionId);
        if (version.isEmpty()) {
            cache.remove(key);
            throw FaceCollectionStore.noSuchCollection(collectionId);
        }
        boolean[] loaded = {false};
        Entry entry = cache.compute(key, (k, cached) -> {
            if (cached != null && cached.index.version() == version.getAsLong()) return cached;
            loaded[0] = true;
            return new Entry(store.loadIndex(projectId, collectionId));
        });
        entry.lastUse = uses.incrementAndGet();
        if (loaded[0]) evictBeyondBound(key);
        return entry.index;
    }

    private void evictBeyondBound(Key keep) {
        long total = cache.values().stream().mapToLong(e -> e.index.approximateBytes()).sum();
        while (total > maxBytes) {
            Map.Entry<Key, Entry> oldest = cache.entrySet().stream().filter(e -> !e.getKey().equals(keep))
                    .min(Comparator.comparingLong(e -> e.getValue().lastUse)).orElse(null);
            if (oldest == null) return;
            if (cache.remove(oldest.getKey(), oldest.getValue())) total -= oldest.getValue().index.approximateBytes();
        }
    }
}
