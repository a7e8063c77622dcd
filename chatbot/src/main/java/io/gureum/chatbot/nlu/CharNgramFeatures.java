package io.gureum.chatbot.nlu;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Character n-gram features of a text, the classifier's second view beside sentence embeddings: they catch
 * spelling, inflection and words the embedding model has never seen, and work for any script (Korean syllables and
 * jamo included), where the English MiniLM embeddings do not.
 *
 * <p>The text is lower-cased and its white space collapsed to single spaces, with a space at either end as a word
 * boundary marker, so that "balance" yields " b", "ba", ..., "e " and n-grams across word boundaries ("y b") are
 * kept too. Each n-gram of {@code minN..maxN} code points is hashed into one of {@code 2^hashBits} buckets.
 * Weights are TF-IDF with a sub-linear term frequency (1 + ln tf) and smoothed IDF, and each vector is L2-normalised.
 * Only buckets seen in training are kept (the {@link #buckets} vocabulary), so the classifier stores weights for
 * those alone; an n-gram never seen in training carries no information for it anyway.
 */
final class CharNgramFeatures {
    private final int hashBits;
    private final int minN;
    private final int maxN;
    /** Buckets seen in training, ascending; a bucket's feature index is its position here. */
    private final int[] buckets;
    private final float[] inverseDocumentFrequency;

    CharNgramFeatures(int hashBits, int minN, int maxN, int[] buckets, float[] inverseDocumentFrequency) {
        if (hashBits < 8 || hashBits > 30) throw new IllegalArgumentException("hashBits must be in 8..30, was " + hashBits);
        if (minN < 1 || maxN < minN) throw new IllegalArgumentException("n-gram sizes must satisfy 1 <= minN <= maxN");
        if (buckets.length != inverseDocumentFrequency.length) throw new IllegalArgumentException("one IDF per bucket");
        this.hashBits = hashBits;
        this.minN = minN;
        this.maxN = maxN;
        this.buckets = buckets;
        this.inverseDocumentFrequency = inverseDocumentFrequency;
    }

    /** Learns the vocabulary and the IDF of each bucket from the training texts. */
    static CharNgramFeatures fit(List<String> texts, int hashBits, int minN, int maxN) {
        int[] documentFrequency = new int[1 << hashBits];
        for (String text : texts) {
            int[] distinct = distinctBuckets(hashedNgrams(text, hashBits, minN, maxN));
            for (int bucket : distinct) documentFrequency[bucket]++;
        }
        int[] buckets = IntStream.range(0, documentFrequency.length).filter(b -> documentFrequency[b] > 0).toArray();
        float[] idf = new float[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            idf[i] = (float) (Math.log((1.0 + texts.size()) / (1.0 + documentFrequency[buckets[i]])) + 1.0);
        }
        return new CharNgramFeatures(hashBits, minN, maxN, buckets, idf);
    }

    /** The number of features: buckets seen in training. */
    int dimensions() {
        return buckets.length;
    }

    /** The text's L2-normalised TF-IDF vector over the training vocabulary (empty when it shares no n-gram with it). */
    SparseVector vectorize(String text) {
        int[] hashed = hashedNgrams(text, hashBits, minN, maxN);
        Arrays.sort(hashed);
        int[] indices = new int[hashed.length];
        float[] values = new float[hashed.length];
        int size = 0;
        double squaredNorm = 0;
        for (int start = 0; start < hashed.length; ) {
            int end = start;
            while (end < hashed.length && hashed[end] == hashed[start]) end++;
            int feature = Arrays.binarySearch(buckets, hashed[start]);
            if (feature >= 0) {
                float weight = (float) ((1.0 + Math.log(end - start)) * inverseDocumentFrequency[feature]);
                indices[size] = feature;
                values[size++] = weight;
                squaredNorm += (double) weight * weight;
            }
            start = end;
        }
        float scale = squaredNorm > 0 ? (float) (1.0 / Math.sqrt(squaredNorm)) : 0f;
        for (int i = 0; i < size; i++) values[i] *= scale;
        // buckets ascend, so feature indices (positions in buckets) ascend too
        return new SparseVector(Arrays.copyOf(indices, size), Arrays.copyOf(values, size));
    }

    int hashBits() { return hashBits; }
    int minN() { return minN; }
    int maxN() { return maxN; }
    int[] buckets() { return buckets.clone(); }
    float[] inverseDocumentFrequency() { return inverseDocumentFrequency.clone(); }

    /** The bucket of every n-gram occurrence of the normalised text, unsorted, with repeats. */
    static int[] hashedNgrams(String text, int hashBits, int minN, int maxN) {
        int[] codePoints = (" " + String.join(" ", text.toLowerCase(Locale.ROOT).trim().split("\\s+")) + " ").codePoints().toArray();
        int mask = (1 << hashBits) - 1;
        int count = 0;
        for (int n = minN; n <= maxN; n++) count += Math.max(0, codePoints.length - n + 1);
        int[] hashed = new int[count];
        int next = 0;
        for (int n = minN; n <= maxN; n++) {
            for (int start = 0; start + n <= codePoints.length; start++) {
                hashed[next++] = hash(codePoints, start, n) & mask;
            }
        }
        return hashed;
    }

    /** FNV-1a over the code points, finished with a murmur3 mix so that the low bits the mask keeps are well spread. */
    private static int hash(int[] codePoints, int start, int length) {
        int h = 0x811C9DC5;
        for (int i = start; i < start + length; i++) {
            h ^= codePoints[i];
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    private static int[] distinctBuckets(int[] hashed) {
        return Arrays.stream(hashed).distinct().toArray();
    }
}
