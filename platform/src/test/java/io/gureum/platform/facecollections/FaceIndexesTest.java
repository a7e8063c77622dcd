package io.gureum.platform.facecollections;

import io.gureum.platform.db.Database;
import io.gureum.platform.db.TestDatabases;
import io.gureum.platform.projects.ProjectStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.util.List;

import static io.gureum.platform.facecollections.FaceCollectionStoreTest.assertProblem;
import static io.gureum.platform.facecollections.FaceCollectionStoreTest.face;
import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes (separate connection pools and stores) share one database; node A's cached index follows B's writes. */
class FaceIndexesTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String MODEL = "mobilefacenet@3.0.4";

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aCachedIndexReloadsWhenAnotherNodeChangesTheCollection(TestDatabases.Kind kind) {
        String url = TestDatabases.freshUrl(kind);
        try (Database dbA = Database.open(url, null, null, 4); Database dbB = Database.open(url, null, null, 4)) {
            String p = new ProjectStore(dbA, CLOCK).create("acme").id();
            FaceCollectionStore a = new FaceCollectionStore(dbA, CLOCK);
            FaceCollectionStore b = new FaceCollectionStore(dbB, CLOCK);
            FaceIndexes indexesA = new FaceIndexes(a, FaceIndexes.DEFAULT_MAX_BYTES);
            a.create(p, "staff", null, MODEL, 3);
            a.addFaces(p, "staff", List.of(face("alice", 1, 0, 0), face("bob", 0, 1, 0)));

            FaceIndex first = indexesA.index(p, "staff");
            assertThat(first.size()).isEqualTo(2);
            assertThat(first.embeddingModel()).isEqualTo(MODEL);
            assertThat(indexesA.index(p, "staff")).as("unchanged: the cached snapshot").isSameAs(first);
            assertThat(first.search(new float[]{0, 0, 1}, 1, 0.9)).isEmpty();

            String carolFace = b.addFaces(p, "staff", List.of(face("carol", 0, 0, 1))).get(0).faceId();
            FaceIndex second = indexesA.index(p, "staff");
            assertThat(second).isNotSameAs(first);
            assertThat(second.size()).isEqualTo(3);
            assertThat(second.search(new float[]{0, 0, 1}, 1, 0.9)).singleElement()
                    .satisfies(m -> assertThat(m.personId()).isEqualTo("carol"));

            b.deleteFace(p, "staff", carolFace);
            assertThat(indexesA.index(p, "staff").search(new float[]{0, 0, 1}, 1, 0.9)).isEmpty();

            b.delete(p, "staff");
            assertProblem(() -> indexesA.index(p, "staff"), 404, "not_found");

            // the same name again, with as many changes as before: still a different version
            b.create(p, "staff", null, MODEL, 3);
            b.addFaces(p, "staff", List.of(face("dave", 0, 1, 0)));
            assertThat(indexesA.index(p, "staff").search(new float[]{0, 1, 0}, 5, 0.5)).extracting(PersonMatch::personId)
                    .containsExactly("dave");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theLeastRecentlyUsedIndexesGoBeyondTheBound(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            String p = new ProjectStore(db, CLOCK).create("acme").id();
            FaceCollectionStore store = new FaceCollectionStore(db, CLOCK);
            for (String c : List.of("one", "two", "three")) {
                store.create(p, c, null, MODEL, 3);
                store.addFaces(p, c, List.of(face("alice", 1, 0, 0)));
            }
            long oneIndex = store.loadIndex(p, "one").approximateBytes();
            FaceIndexes indexes = new FaceIndexes(store, 2 * oneIndex);
            FaceIndex one = indexes.index(p, "one");
            FaceIndex two = indexes.index(p, "two");
            assertThat(indexes.index(p, "one")).isSameAs(one);
            indexes.index(p, "three"); // two is now the least recently used
            assertThat(indexes.index(p, "one")).isSameAs(one);
            assertThat(indexes.index(p, "two")).as("evicted and loaded again").isNotSameAs(two);
        }
    }
}
