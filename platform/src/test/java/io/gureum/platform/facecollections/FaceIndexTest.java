package io.gureum.platform.facecollections;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.gureum.platform.facecollections.FaceCollectionStoreTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FaceIndexTest {

    private static FaceIndex index(int dimensions, Object... faceIdPersonVector) {
        FaceIndex.Builder b = new FaceIndex.Builder(7, "test@1", dimensions, 1);
        for (int i = 0; i < faceIdPersonVector.length; i += 3) {
            b.add((String) faceIdPersonVector[i], (String) faceIdPersonVector[i + 1], EmbeddingBytes.encode((float[]) faceIdPersonVector[i + 2]));
        }
        return b.build();
    }

    @Test
    void onePersonPerMatchWithTheirBestFaceBestFirst() {
        FaceIndex index = index(3,
                "a1", "alice", new float[]{10, 0, 0},        // length does not matter: cosine
                "a2", "alice", new float[]{0.9f, 0.1f, 0},
                "b1", "bob", new float[]{0, 1, 0},
                "c1", "carol", new float[]{0, 0, 1},
                "c2", "carol", new float[]{0, 0, -1});
        assertThat(index.size()).isEqualTo(5);
        assertThat(index.version()).isEqualTo(7);
        assertThat(index.embeddingModel()).isEqualTo("test@1");

        List<PersonMatch> matches = index.search(new float[]{1, 0.2f, 0}, 10, -1);
        assertThat(matches).extracting(PersonMatch::personId).containsExactly("alice", "bob", "carol");
        assertThat(matches).extracting(PersonMatch::faceId).containsExactly("a2", "b1", "c1");
        assertThat(matches.get(0).similarity()).isCloseTo(0.92 / (Math.sqrt(1.04) * Math.sqrt(0.82)), within(1e-6));
        assertThat(matches.get(1).similarity()).isCloseTo(0.2 / Math.sqrt(1.04), within(1e-6));
        assertThat(matches.get(2).similarity()).isCloseTo(0, within(1e-6));

        assertThat(index.search(new float[]{1, 0.2f, 0}, 1, -1)).extracting(PersonMatch::personId).containsExactly("alice");
        assertThat(index.search(new float[]{1, 0.2f, 0}, 10, 0.5)).extracting(PersonMatch::personId).containsExactly("alice");
        assertThat(index.search(new float[]{0, 0, 5}, 10, 0.999)).singleElement()
                .satisfies(m -> assertThat(m.similarity()).isEqualTo(1.0));
        assertThat(index.search(new float[]{-1, -1, 0}, 10, 0.1)).isEmpty();
    }

    @Test
    void queriesAreChecked() {
        FaceIndex index = index(3, "a1", "alice", new float[]{1, 0, 0});
        assertProblem(() -> index.search(new float[]{1, 0}, 1, 0), 422, "validation_failed");
        assertProblem(() -> index.search(new float[]{0, 0, 0}, 1, 0), 422, "validation_failed");
        assertProblem(() -> index.search(new float[]{1, 0, 0}, 0, 0), 422, "validation_failed");
        assertProblem(() -> index.search(new float[]{1, 0, 0}, 1, 1.5), 422, "validation_failed");
        assertProblem(() -> index.search(new float[]{1, 0, 0}, 1, Double.NaN), 422, "validation_failed");
        assertThat(index(3).search(new float[]{1, 0, 0}, 5, -1)).isEmpty();
    }

    /** Random collections against a plain per-person maximum computed in double precision. */
    @Test
    void agreesWithANaiveSearch() {
        Random random = new Random(42);
        int dimensions = 32;
        FaceIndex.Builder b = new FaceIndex.Builder(1, "test@1", dimensions, 10);
        List<String> faceIds = new ArrayList<>();
        List<String> persons = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            float[] v = new float[dimensions];
            for (int d = 0; d < dimensions; d++) v[d] = (float) random.nextGaussian();
            String person = "p" + random.nextInt(300);
            faceIds.add("f" + i);
            persons.add(person);
            vectors.add(v);
            b.add("f" + i, person, EmbeddingBytes.encode(v));
        }
        FaceIndex index = b.build();
        for (int trial = 0; trial < 20; trial++) {
            float[] q = new float[dimensions];
            for (int d = 0; d < dimensions; d++) q[d] = (float) random.nextGaussian();
            Map<String, PersonMatch> best = new HashMap<>();
            for (int i = 0; i < faceIds.size(); i++) {
                PersonMatch m = new PersonMatch(persons.get(i), cosine(q, vectors.get(i)), faceIds.get(i));
                best.merge(m.personId(), m, (x, y) -> x.similarity() >= y.similarity() ? x : y);
            }
            List<PersonMatch> expected = best.values().stream()
                    .sorted(Comparator.comparingDouble(PersonMatch::similarity).reversed()).limit(10).toList();
            List<PersonMatch> actual = index.search(q, 10, -1);
            assertThat(actual).extracting(PersonMatch::personId).containsExactlyElementsOf(expected.stream().map(PersonMatch::personId).toList());
            assertThat(actual).extracting(PersonMatch::faceId).containsExactlyElementsOf(expected.stream().map(PersonMatch::faceId).toList());
            for (int i = 0; i < actual.size(); i++) {
                assertThat(actual.get(i).similarity()).isCloseTo(expected.get(i).similarity(), within(1e-5));
            }
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
