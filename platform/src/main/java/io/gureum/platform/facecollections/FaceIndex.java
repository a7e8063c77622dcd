package io.gureum.platform.facecollections;

import io.gureum.core.Problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * An immutable in-memory snapshot of one collection's embeddings, searched by brute force. The vectors
 * are L2-normalised once when loaded and kept in one contiguous array, so a search is a linear scan of
 * dot products: at 100,000 faces of 128 dimensions about 5-10 ms on one core (memory-bound beyond that),
 * and exact, which an approximate index would not be.
 */
public final class FaceIndex {
    private static final Comparator<PersonMatch> BEST_FIRST = Comparator.comparingDouble(PersonMatch::similarity).reversed()
            .thenComparing(PersonMatch::personId);

    private final long version;
    private final String embeddingModel;
    private final int dimensions;
    private final String[] faceIds;
    private final String[] persons;
    private final int[] personOf;
    private final float[] vectors;

    private FaceIndex(long version, String embeddingModel, int dimensions, String[] faceIds, String[] persons,
                      int[] personOf, float[] vectors) {
        this.version = version;
        this.embeddingModel = embeddingModel;
        this.dimensions = dimensions;
        this.faceIds = faceIds;
        this.persons = persons;
        this.personOf = personOf;
        this.vectors = vectors;
    }

    /** The collection version this snapshot was read at. */
    public long version() { return version; }
    /** The model every vector here came from: queries must be embedded with it. */
    public String embeddingModel() { return embeddingModel; }
    public int dimensions() { return dimensions; }
    public int size() { return faceIds.length; }

    /** Roughly the heap this snapshot holds, for the cache's bound: the vectors dominate. */
    long approximateBytes() {
        return (long) vectors.length * Float.BYTES + (long) faceIds.length * 100;
    }

    /**
     * The persons whose best face is most similar to {@code query}, best first, at most {@code topPersons},
     * each with similarity (cosine, in [-1, 1]) at least {@code minSimilarity}. Ties go to the smaller person id.
     */
    public List<PersonMatch> search(float[] query, int topPersons, double minSimilarity) {
        if (query == null || query.length != dimensions) {
            throw Problem.invalid("the query embedding has " + (query == null ? 0 : query.length)
                    + " dimensions; this collection's model " + embeddingModel + " makes " + dimensions);
        }
        if (topPersons < 1) throw Problem.invalid("topPersons must be at least 1");
        if (!(minSimilarity >= -1 && minSimilarity <= 1)) throw Problem.invalid("minSimilarity must be between -1 and 1");
        float[] q = normalised(query);
        float[] best = new float[persons.length];
        int[] bestFace = new int[persons.length];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        for (int i = 0, offset = 0; i < faceIds.length; i++, offset += dimensions) {
            float dot = dot(q, offset);
            int p = personOf[i];
            if (dot > best[p]) {
                best[p] = dot;
                bestFace[p] = i;
            }
        }
        // keep the topPersons best in a min-heap: its head is the weakest kept match
        PriorityQueue<PersonMatch> kept = new PriorityQueue<>(BEST_FIRST.reversed());
        for (int p = 0; p < persons.length; p++) {
            // clamped: rounding can put a vector's similarity with itself a hair above 1
            double similarity = Math.min(1.0, Math.max(-1.0, best[p]));
            if (similarity < minSimilarity) continue;
            if (kept.size() == topPersons && similarity < kept.peek().similarity()) continue;
            kept.add(new PersonMatch(persons[p], similarity, faceIds[bestFace[p]]));
            if (kept.size() > topPersons) kept.poll();
        }
        List<PersonMatch> matches = new ArrayList<>(kept);
        matches.sort(BEST_FIRST);
        return matches;
    }

    /**
     * The query's dot product with the vector at {@code offset}. Four partial sums: the JIT does not
     * vectorise a single float sum (it may not reorder it), and independent chains run about twice as fast.
     */
    private float dot(float[] q, int offset) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int d = 0;
        for (; d + 3 < dimensions; d += 4) {
            s0 += q[d] * vectors[offset + d];
            s1 += q[d + 1] * vectors[offset + d + 1];
            s2 += q[d + 2] * vectors[offset + d + 2];
            s3 += q[d + 3] * vectors[offset + d + 3];
        }
        for (; d < dimensions; d++) s0 += q[d] * vectors[offset + d];
        return (s0 + s1) + (s2 + s3);
    }

    private static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) sum += (double) x * x;
        if (sum == 0 || !Double.isFinite(sum)) throw Problem.invalid("the embedding is all zeros or not finite");
        float scale = (float) (1 / Math.sqrt(sum));
        float[] out = new float[v.length];
        for (int d = 0; d < v.length; d++) out[d] = v[d] * scale;
        return out;
    }

    /** Collects a collection's faces as the store reads them, then freezes them into an index. */
    static final class Builder {
        private final long version;
        private final String embeddingModel;
        private final int dimensions;
        private final List<String> faceIds = new ArrayList<>();
        private final List<String> persons = new ArrayList<>();
        private final Map<String, Integer> personIndex = new HashMap<>();
        private int[] personOf;
        private float[] vectors;

        Builder(long version, String embeddingModel, int dimensions, int expectedFaces) {
            this.version = version;
            this.embeddingModel = embeddingModel;
            this.dimensions = dimensions;
            int capacity = Math.max(expectedFaces, 16);
            this.personOf = new int[capacity];
            this.vectors = new float[capacity * dimensions];
        }

        /** Adds one face; {@code embedding} is float32 little-endian, as stored. */
        void add(String faceId, String personId, byte[] embedding) {
            if (embedding.length != dimensions * Float.BYTES) {
                throw new IllegalStateException("face " + faceId + " has " + embedding.length / Float.BYTES
                        + " dimensions in a collection of " + dimensions);
            }
            int i = faceIds.size();
            if (i == personOf.length) {
                personOf = Arrays.copyOf(personOf, i * 2);
                vectors = Arrays.copyOf(vectors, i * 2 * dimensions);
            }
            System.arraycopy(normalised(EmbeddingBytes.decode(embedding)), 0, vectors, i * dimensions, dimensions);
            faceIds.add(faceId);
            personOf[i] = personIndex.computeIfAbsent(personId, p -> {
                persons.add(p);
                return persons.size() - 1;
            });
        }

        FaceIndex build() {
            int n = faceIds.size();
            return new FaceIndex(version, embeddingModel, dimensions, faceIds.toArray(String[]::new),
                    persons.toArray(String[]::new), Arrays.copyOf(personOf, n), Arrays.copyOf(vectors, n * dimensions));
        }
    }
}
