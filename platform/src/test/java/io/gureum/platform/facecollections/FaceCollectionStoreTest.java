package io.gureum.platform.facecollections;

import io.gureum.core.Problem;
import io.gureum.platform.db.Database;
import io.gureum.platform.db.TestDatabases;
import io.gureum.platform.projects.ProjectStore;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaceCollectionStoreTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String MODEL = "mobilefacenet@3.0.4";

    static NewFace face(String person, float... embedding) {
        return new NewFace(person, null, embedding, new FaceBox(10, 20, 30, 40), 640, 480);
    }

    static void assertProblem(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Problem.class, e -> {
            assertThat(e.status()).as(e.detail()).isEqualTo(status);
            assertThat(e.code()).as(e.detail()).isEqualTo(code);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void collectionsAreCreatedListedByIdAndDeletedWithTheirFaces(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            String p = new ProjectStore(db, CLOCK).create("acme").id();
            String other = new ProjectStore(db, CLOCK).create("other").id();
            FaceCollectionStore store = new FaceCollectionStore(db, CLOCK);

            FaceCollection staff = store.create(p, "staff", "our people", MODEL, 3);
            store.create(p, "Visitors_2030-01", null, MODEL, 3);
            store.create(other, "staff", null, MODEL, 3);

            assertThat(store.get(p, "staff")).isEqualTo(staff);
            assertThat(staff.faceCount()).isZero();
            assertThat(store.list(p)).extracting(FaceCollection::collectionId).containsExactly("Visitors_2030-01", "staff");
            assertProblem(() -> store.create(p, "staff", null, MODEL, 3), 409, "collection_exists");
            assertProblem(() -> store.get(p, "nobody"), 404, "not_found");
            assertProblem(() -> store.create("prj_missing", "x", null, MODEL, 3), 404, "not_found");

            store.addFaces(p, "staff", List.of(face("alice", 1, 0, 0), face("bob", 0, 1, 0)));
            store.addFaces(other, "staff", List.of(face("carol", 0, 0, 1)));
            store.delete(p, "staff");
            assertProblem(() -> store.get(p, "staff"), 404, "not_found");
            assertProblem(() -> store.delete(p, "staff"), 404, "not_found");
            List<String> remaining = db.jdbi().withHandle(h -> h.createQuery("SELECT person_id FROM faces").mapTo(String.class).list());
            assertThat(remaining).as("the cascade removed only that collection's faces").containsExactly("carol");
            assertThat(store.get(other, "staff").faceCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void facesAreAddedListedByPageAndPersonAndDeleted(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            String p = new ProjectStore(db, CLOCK).create("acme").id();
            FaceCollectionStore store = new FaceCollectionStore(db, CLOCK);
            long v0 = store.create(p, "staff", null, MODEL, 3).version();

            List<StoredFace> added = store.addFaces(p, "staff", List.of(
                    new NewFace("alice", "{\"badge\":7}", new float[]{1, 0, 0}, new FaceBox(-5, 2, 50, 60), 800, 600),
                    face("alice", 0.9f, 0.1f, 0), face("bob", 0, 1, 0), face("carol", 0, 0, 1), face("dave", 1, 1, 1)));
            assertThat(added).hasSize(5).extracting(StoredFace::faceId).doesNotHaveDuplicates().allMatch(id -> id.startsWith("face_"));
            FaceCollection c = store.get(p, "staff");
            assertThat(c.faceCount()).isEqualTo(5);
            assertThat(c.version()).isEqualTo(v0 + 1);

            List<StoredFace> all = new ArrayList<>();
            FacePage page = store.listFaces(p, "staff", null, null, 2);
            all.addAll(page.faces());
            while (page.nextAfter() != null) {
                assertThat(page.faces()).hasSize(2);
                page = store.listFaces(p, "staff", null, page.nextAfter(), 2);
                all.addAll(page.faces());
            }
            assertThat(all).containsExactlyInAnyOrderElementsOf(added);
            assertThat(all).extracting(StoredFace::faceId).isSorted();
            StoredFace first = added.get(0);
            assertThat(all).contains(first);
            assertThat(first.metadataJson()).isEqualTo("{\"badge\":7}");
            assertThat(first.box()).isEqualTo(new FaceBox(-5, 2, 50, 60));

            assertThat(store.listFaces(p, "staff", "alice", null, 10).faces()).extracting(StoredFace::personId).containsExactly("alice", "alice");
            assertThat(store.listFaces(p, "staff", "zoe", null, 10)).isEqualTo(new FacePage(List.of(), null));
            assertProblem(() -> store.listFaces(p, "nobody", null, null, 10), 404, "not_found");
            assertProblem(() -> store.listFaces(p, "staff", null, null, 0), 422, "validation_failed");
            assertProblem(() -> store.listFaces(p, "staff", null, null, FaceCollectionStore.MAX_PAGE_SIZE + 1), 422, "validation_failed");

            store.deleteFace(p, "staff", first.faceId());
            assertProblem(() -> store.deleteFace(p, "staff", first.faceId()), 404, "not_found");
            assertThat(store.deletePerson(p, "staff", "dave")).isEqualTo(1);
            assertProblem(() -> store.deletePerson(p, "staff", "dave"), 404, "not_found");
            c = store.get(p, "staff");
            assertThat(c.faceCount()).isEqualTo(3);
            assertThat(c.version()).isEqualTo(v0 + 3);
            assertThat(store.listFaces(p, "staff", null, null, 10).faces()).extracting(StoredFace::personId)
                    .containsExactlyInAnyOrder("alice", "bob", "carol");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aBatchWithOneBadEmbeddingAddsNothing(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            String p = new ProjectStore(db, CLOCK).create("acme").id();
            FaceCollectionStore store = new FaceCollectionStore(db, CLOCK);
            FaceCollection c = store.create(p, "staff", null, MODEL, 3);
            assertProblem(() -> store.addFaces(p, "staff", List.of(face("alice", 1, 0, 0), face("bob", 1, 0))), 422, "validation_failed");
            assertProblem(() -> store.addFaces(p, "staff", List.of()), 422, "validation_failed");
            assertProblem(() -> store.addFaces(p, "nobody", List.of(face("alice", 1, 0, 0))), 404, "not_found");
            assertThat(store.get(p, "staff")).isEqualTo(c);
            assertThat(store.listFaces(p, "staff", null, null, 10).faces()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void collectionAndFaceLimitsHold(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            String p = new ProjectStore(db, CLOCK).create("acme").id();
            FaceCollectionStore store = new FaceCollectionStore(db, CLOCK);
            store.create(p, "full", null, MODEL, 2);
            // fill up to the limits in SQL: a thousand creations or 100,000 faces would only slow the test down
            db.jdbi().useHandle(h -> {
                var batch = h.prepareBatch("""
                        INSERT INTO face_collections (project_id, collection_id, embedding_model, embedding_dimensions,
                                                      version, face_count, created_at)
                        VALUES (:p, :c, 'm', 2, 1, 0, CURRENT_TIMESTAMP)""");
                IntStream.range(1, FaceCollectionStore.MAX_COLLECTIONS_PER_PROJECT)
                        .forEach(i -> batch.bind("p", p).bind("c", "filler-" + i).add());
                batch.execute();
                h.createUpdate("UPDATE face_collections SET face_count = :n WHERE collection_id = 'full'")
                        .bind("n", FaceCollectionStore.MAX_FACES_PER_COLLECTION - 1).execute();
            });
            assertProblem(() -> store.create(p, "one-more", null, MODEL, 2), 409, "collection_limit_reached");
            assertProblem(() -> store.addFaces(p, "full", List.of(face("a", 1, 0), face("b", 0, 1))), 409, "face_limit_reached");
            store.addFaces(p, "full", List.of(face("a", 1, 0)));
            assertThat(store.get(p, "full").faceCount()).isEqualTo(FaceCollectionStore.MAX_FACES_PER_COLLECTION);
            assertProblem(() -> store.addFaces(p, "full", List.of(face("b", 0, 1))), 409, "face_limit_reached");

            store.delete(p, "filler-1");
            store.create(p, "one-more", null, MODEL, 2);
        }
    }

    /** Two nodes, eight threads each, racing for the last five places: exactly five faces get in, and the count agrees. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void concurrentAddsFromTwoNodesNeverPassTheLimit(TestDatabases.Kind kind) throws Exception {
        String url = TestDatabases.freshUrl(kind);
        try (Database dbA = Database.open(url, null, null, 8); Database dbB = Database.open(url, null, null, 8)) {
            String p = new ProjectStore(dbA, CLOCK).create("acme").id();
            List<FaceCollectionStore> nodes = List.of(new FaceCollectionStore(dbA, CLOCK), new FaceCollectionStore(dbB, CLOCK));
            FaceCollection c = nodes.get(0).create(p, "race", null, MODEL, 2);
            int start = FaceCollectionStore.MAX_FACES_PER_COLLECTION - 5;
            dbA.jdbi().useHandle(h -> h.createUpdate("UPDATE face_collections SET face_count = :n").bind("n", start).execute());

            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    FaceCollectionStore node = nodes.get(i % 2);
                    String person = "p" + i;
                    results.add(pool.submit(() -> {
                        try {
                            node.addFaces(p, "race", List.of(face(person, 1, 0)));
                            return true;
                        } catch (Problem e) {
                            assertThat(e.code()).isEqualTo("face_limit_reached");
                            return false;
                        }
                    }));
                }
                long added = 0;
                for (Future<Boolean> r : results) if (r.get()) added++;
                assertThat(added).isEqualTo(5);
            } finally {
                pool.shutdownNow();
            }
            FaceCollection after = nodes.get(1).get(p, "race");
            assertThat(after.faceCount()).isEqualTo(FaceCollectionStore.MAX_FACES_PER_COLLECTION);
            assertThat(after.version()).isEqualTo(c.version() + 5);
            assertThat(nodes.get(1).listFaces(p, "race", null, null, 100).faces()).hasSize(5);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void idsAndSettingsAreValidated(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            String p = new ProjectStore(db, CLOCK).create("acme").id();
            FaceCollectionStore store = new FaceCollectionStore(db, CLOCK);
            for (String bad : new String[]{"", "has space", "dot.ted", "x".repeat(65), "한글", null}) {
                assertProblem(() -> store.create(p, bad, null, MODEL, 3), 422, "validation_failed");
                assertProblem(() -> store.get(p, bad), 422, "validation_failed");
            }
            store.create(p, "x".repeat(64), null, MODEL, 3);
            assertProblem(() -> store.create(p, "d", "x".repeat(1001), MODEL, 3), 422, "validation_failed");
            assertProblem(() -> store.create(p, "d", null, " ", 3), 422, "validation_failed");
            assertProblem(() -> store.create(p, "d", null, MODEL, 0), 422, "validation_failed");
            assertProblem(() -> store.create(p, "d", null, MODEL, FaceCollectionStore.MAX_EMBEDDING_DIMENSIONS + 1), 422, "validation_failed");
            assertProblem(() -> store.listFaces(p, "x".repeat(64), "x".repeat(129), null, 10), 422, "validation_failed");
        }
    }
}
