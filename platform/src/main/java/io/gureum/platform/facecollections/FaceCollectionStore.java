package io.gureum.platform.facecollections;

import io.gureum.core.Problem;
import io.gureum.platform.Ids;
import io.gureum.platform.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Face collections and their enrolled faces in the database, per project.
 *
 * <p>Every change to a collection's faces runs in one transaction that first locks the collection row
 * ({@code SELECT ... FOR UPDATE}), then changes the faces and bumps {@code version} and {@code face_count}.
 * So concurrent writers on any node serialise per collection, the count is exact, the limit holds, and a
 * node's cached {@link FaceIndex} knows it is stale from the version alone.
 *
 * <p>Limits, both answered 409 (the request is fine; the collection's state refuses it, and deleting
 * makes room): at most {@link #MAX_FACES_PER_COLLECTION} faces per collection ({@code face_limit_reached})
 * and {@link #MAX_COLLECTIONS_PER_PROJECT} collections per project ({@code collection_limit_reached}).
 * An id that exists is 409 {@code collection_exists}; anything absent is 404 {@code not_found}; bad input 422.
 */
public final class FaceCollectionStore {
    public static final int MAX_COLLECTIONS_PER_PROJECT = 1_000;
    public static final int MAX_FACES_PER_COLLECTION = 100_000;
    public static final int MAX_PAGE_SIZE = 1_000;
    public static final int MAX_EMBEDDING_DIMENSIONS = 4_096;
    private static final Pattern COLLECTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String FACE_COLUMNS =
            "face_id, collection_id, person_id, metadata, box_x, box_y, box_width, box_height, image_width, image_height, created_at";

    private final Jdbi jdbi;
    private final Clock clock;

    public FaceCollectionStore(Database db, Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
    }

    /**
     * Creates an empty collection whose faces will be embedded by {@code embeddingModel}.
     * Collections of one project are created one at a time (the project row is locked), so the limit is exact.
     */
    public FaceCollection create(String projectId, String collectionId, String description, String embeddingModel,
                                 int embeddingDimensions) {
        checkCollectionId(collectionId);
        if (description != null && description.length() > 1000) throw Problem.invalid("description must be at most 1000 characters");
        if (embeddingModel == null || embeddingModel.isBlank() || embeddingModel.length() > 200) {
            throw Problem.invalid("embeddingModel must be 1-200 characters");
        }
        if (embeddingDimensions < 1 || embeddingDimensions > MAX_EMBEDDING_DIMENSIONS) {
            throw Problem.invalid("embeddingDimensions must be 1-" + MAX_EMBEDDING_DIMENSIONS);
        }
        // a random first version: a collection deleted and created again under the same id never repeats
        // a version that another node's cached index of the old one still holds
        long firstVersion = ThreadLocalRandom.current().nextLong(1L << 62);
        FaceCollection c = new FaceCollection(projectId, collectionId, description, embeddingModel, embeddingDimensions,
                firstVersion, 0, now());
        return jdbi.inTransaction(h -> {
            h.createQuery("SELECT id FROM projects WHERE id = :p FOR UPDATE").bind("p", projectId).mapTo(String.class)
                    .findOne().orElseThrow(() -> Problem.notFound("No project with id '" + projectId + "'."));
            if (find(h, projectId, collectionId) != null) {
                throw Problem.conflict("collection_exists", "A face collection named '" + collectionId + "' already exists in this project.");
            }
            int count = h.createQuery("SELECT COUNT(*) FROM face_collections WHERE project_id = :p")
                    .bind("p", projectId).mapTo(Integer.class).one();
            if (count >= MAX_COLLECTIONS_PER_PROJECT) {
                throw Problem.conflict("collection_limit_reached", "This project has " + count + " face collections, the most it may have ("
                        + MAX_COLLECTIONS_PER_PROJECT + "); delete one to make room.");
            }
            h.createUpdate("""
                            INSERT INTO face_collections (project_id, collection_id, description, embedding_model,
                                                          embedding_dimensions, version, face_count, created_at)
                            VALUES (:p, :c, :description, :model, :dimensions, :version, 0, :createdAt)""")
                    .bind("p", projectId).bind("c", collectionId).bind("description", description)
                    .bind("model", embeddingModel).bind("dimensions", embeddingDimensions)
                    .bind("version", c.version()).bind("createdAt", c.createdAt())
                    .execute();
            return c;
        });
    }

    public FaceCollection get(String projectId, String collectionId) {
        checkCollectionId(collectionId);
        FaceCollection c = jdbi.withHandle(h -> find(h, projectId, collectionId));
        if (c == null) throw noSuchCollection(collectionId);
        return c;
    }

    /** The project's collections, by id. */
    public List<FaceCollection> list(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM face_collections WHERE project_id = :p ORDER BY collection_id")
                .bind("p", projectId).map(FaceCollectionStore::mapCollection).list());
    }

    /** Deletes the collection and, by the foreign key's cascade, all its faces. */
    public void delete(String projectId, String collectionId) {
        checkCollectionId(collectionId);
        int deleted = jdbi.withHandle(h -> h.createUpdate("DELETE FROM face_collections WHERE project_id = :p AND collection_id = :c")
                .bind("p", projectId).bind("c", collectionId).execute());
        if (deleted == 0) throw noSuchCollection(collectionId);
    }

    /** Enrols faces, all or none; each gets a new face id. Their embeddings must have the collection's dimensions. */
    public List<StoredFace> addFaces(String projectId, String collectionId, List<NewFace> faces) {
        checkCollectionId(collectionId);
        if (faces == null || faces.isEmpty()) throw Problem.invalid("no faces to add");
        Instant createdAt = now();
        return jdbi.inTransaction(h -> {
            FaceCollection c = lock(h, projectId, collectionId);
            for (NewFace f : faces) {
                if (f.embedding().length != c.embeddingDimensions()) {
                    throw Problem.invalid("an embedding has " + f.embedding().length + " dimensions; collection '" + collectionId
                            + "' holds " + c.embeddingDimensions() + "-dimensional embeddings of " + c.embeddingModel());
                }
            }
            if ((long) c.faceCount() + faces.size() > MAX_FACES_PER_COLLECTION) {
                throw Problem.conflict("face_limit_reached", "Collection '" + collectionId + "' has " + c.faceCount()
                        + " faces; adding " + faces.size() + " would pass the limit of " + MAX_FACES_PER_COLLECTION + ".");
            }
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO faces (project_id, collection_id, face_id, person_id, metadata, embedding,
                                       box_x, box_y, box_width, box_height, image_width, image_height, created_at)
                    VALUES (:p, :c, :faceId, :personId, :metadata, :embedding,
                            :x, :y, :width, :height, :imageWidth, :imageHeight, :createdAt)""");
            List<StoredFace> stored = new ArrayList<>(faces.size());
            for (NewFace f : faces) {
                StoredFace s = new StoredFace(Ids.newId("face"), collectionId, f.personId(), f.metadataJson(), f.box(),
                        f.imageWidth(), f.imageHeight(), createdAt);
                batch.bind("p", projectId).bind("c", collectionId).bind("faceId", s.faceId()).bind("personId", s.personId())
                        .bind("metadata", s.metadataJson()).bind("embedding", EmbeddingBytes.encode(f.embedding()))
                        .bind("x", s.box().x()).bind("y", s.box().y()).bind("width", s.box().width()).bind("height", s.box().height())
                        .bind("imageWidth", s.imageWidth()).bind("imageHeight", s.imageHeight()).bind("createdAt", createdAt)
                        .add();
                stored.add(s);
            }
            batch.execute();
            changed(h, projectId, collectionId, faces.size());
            return stored;
        });
    }

    /**
     * A page of the collection's faces ordered by face id, optionally only one person's.
     * {@code after} is the previous page's {@link FacePage#nextAfter()} (null for the first page).
     */
    public FacePage listFaces(String projectId, String collectionId, String personId, String after, int limit) {
        checkCollectionId(collectionId);
        if (personId != null) NewFace.checkPersonId(personId);
        if (limit < 1 || limit > MAX_PAGE_SIZE) throw Problem.invalid("limit must be 1-" + MAX_PAGE_SIZE);
        return jdbi.withHandle(h -> {
            if (find(h, projectId, collectionId) == null) throw noSuchCollection(collectionId);
            Query q = h.createQuery("SELECT " + FACE_COLUMNS + " FROM faces WHERE project_id = :p AND collection_id = :c"
                            + (personId != null ? " AND person_id = :person" : "")
                            + (after != null ? " AND face_id > :after" : "")
                            + " ORDER BY face_id LIMIT :limit")
                    .bind("p", projectId).bind("c", collectionId).bind("limit", limit + 1);
            if (personId != null) q.bind("person", personId);
            if (after != null) q.bind("after", after);
            List<StoredFace> faces = q.map(FaceCollectionStore::mapFace).list();
            if (faces.size() <= limit) return new FacePage(faces, null);
            List<StoredFace> page = List.copyOf(faces.subList(0, limit));
            return new FacePage(page, page.get(limit - 1).faceId());
        });
    }

    public void deleteFace(String projectId, String collectionId, String faceId) {
        checkCollectionId(collectionId);
        jdbi.useTransaction(h -> {
            lock(h, projectId, collectionId);
            int deleted = h.createUpdate("DELETE FROM faces WHERE project_id = :p AND collection_id = :c AND face_id = :f")
                    .bind("p", projectId).bind("c", collectionId).bind("f", faceId).execute();
            if (deleted == 0) throw Problem.notFound("No face '" + faceId + "' in collection '" + collectionId + "'.");
            changed(h, projectId, collectionId, -deleted);
        });
    }

    /** Deletes every face of one person; returns how many there were (404 when none). */
    public int deletePerson(String projectId, String collectionId, String personId) {
        checkCollectionId(collectionId);
        NewFace.checkPersonId(personId);
        return jdbi.inTransaction(h -> {
            lock(h, projectId, collectionId);
            int deleted = h.createUpdate("DELETE FROM faces WHERE project_id = :p AND collection_id = :c AND person_id = :person")
                    .bind("p", projectId).bind("c", collectionId).bind("person", personId).execute();
            if (deleted == 0) throw Problem.notFound("No faces of person '" + personId + "' in collection '" + collectionId + "'.");
            changed(h, projectId, collectionId, -deleted);
            return deleted;
        });
    }

    /** The collection's current version, one indexed read: what {@link FaceIndexes} checks on every search. */
    OptionalLong version(String projectId, String collectionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT version FROM face_collections WHERE project_id = :p AND collection_id = :c")
                .bind("p", projectId).bind("c", collectionId).mapTo(Long.class).findOne()
                .map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    /**
     * Reads the collection's vectors into a new index. The version is read before the faces, so the
     * index is never older than its version says: a change committed in between only costs a reload.
     * In a transaction so PostgreSQL streams the rows by the fetch size instead of holding them all.
     */
    FaceIndex loadIndex(String projectId, String collectionId) {
        return jdbi.inTransaction(h -> {
            FaceCollection c = find(h, projectId, collectionId);
            if (c == null) throw noSuchCollection(collectionId);
            FaceIndex.Builder builder = new FaceIndex.Builder(c.version(), c.embeddingModel(), c.embeddingDimensions(), c.faceCount());
            h.createQuery("SELECT face_id, person_id, embedding FROM faces WHERE project_id = :p AND collection_id = :c")
                    .bind("p", projectId).bind("c", collectionId).setFetchSize(1_000)
                    .scanResultSet((results, ctx) -> {
                        ResultSet rs = results.get();
                        while (rs.next()) builder.add(rs.getString(1), rs.getString(2), rs.getBytes(3));
                        return null;
                    });
            return builder.build();
        });
    }

    static Problem noSuchCollection(String collectionId) {
        return Problem.notFound("No face collection '" + collectionId + "' in this project.");
    }

    private static FaceCollection find(Handle h, String projectId, String collectionId) {
        return h.createQuery("SELECT * FROM face_collections WHERE project_id = :p AND collection_id = :c")
                .bind("p", projectId).bind("c", collectionId).map(FaceCollectionStore::mapCollection).findOne().orElse(null);
    }

    /** Locks the collection row for the rest of the transaction: its writers take turns. */
    private static FaceCollection lock(Handle h, String projectId, String collectionId) {
        return h.createQuery("SELECT * FROM face_collections WHERE project_id = :p AND collection_id = :c FOR UPDATE")
                .bind("p", projectId).bind("c", collectionId).map(FaceCollectionStore::mapCollection).findOne()
                .orElseThrow(() -> noSuchCollection(collectionId));
    }

    private static void changed(Handle h, String projectId, String collectionId, int faceDelta) {
        h.createUpdate("""
                        UPDATE face_collections SET version = version + 1, face_count = face_count + :delta
                        WHERE project_id = :p AND collection_id = :c""")
                .bind("delta", faceDelta).bind("p", projectId).bind("c", collectionId).execute();
    }

    private static void checkCollectionId(String collectionId) {
        if (collectionId == null || !COLLECTION_ID.matcher(collectionId).matches()) {
            throw Problem.invalid("a collection id must be 1-64 characters: letters, digits, '_' and '-'");
        }
    }

    /** Cut to microseconds, what both databases keep, so a returned value equals the one read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static FaceCollection mapCollection(ResultSet rs, StatementContext ctx) throws SQLException {
        return new FaceCollection(rs.getString("project_id"), rs.getString("collection_id"), rs.getString("description"),
                rs.getString("embedding_model"), rs.getInt("embedding_dimensions"), rs.getLong("version"),
                rs.getInt("face_count"), instant(rs, "created_at"));
    }

    private static StoredFace mapFace(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredFace(rs.getString("face_id"), rs.getString("collection_id"), rs.getString("person_id"),
                rs.getString("metadata"),
                new FaceBox(rs.getInt("box_x"), rs.getInt("box_y"), rs.getInt("box_width"), rs.getInt("box_height")),
                rs.getInt("image_width"), rs.getInt("image_height"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
