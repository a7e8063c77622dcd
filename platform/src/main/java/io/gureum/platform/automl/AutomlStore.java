package io.gureum.platform.automl;

import io.gureum.core.Problem;
import io.gureum.platform.Ids;
import io.gureum.platform.blobs.BlobStore;
import io.gureum.platform.db.Database;
import io.gureum.platform.db.SqlTimes;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * AutoML's state per project: datasets (file in the blob store, inferred schema in the row), experiments (request,
 * progress, result) and saved models (scoring artifact in the blob store, model card in the row).
 *
 * <p>A file is written under a fresh key before the row that names it, so no row ever points at a missing blob.
 * Unknown ids are 404 {@code not_found}; a dataset that experiments use cannot be deleted (409 {@code dataset_in_use}).
 */
public final class AutomlStore {
    private final Jdbi jdbi;
    private final BlobStore blobs;
    private final Clock clock;

    public AutomlStore(Database db, BlobStore blobs, Clock clock) {
        this.jdbi = db.jdbi();
        this.blobs = blobs;
        this.clock = clock;
    }

    /** A fresh dataset id and the blob key its upload goes to, before anything is known about the file. */
    public record Upload(String datasetId, String blobKey) {}

    public Upload newUpload(String projectId) {
        String id = Ids.newId("ds");
        return new Upload(id, "datasets/" + projectId + "/" + id + "/data");
    }

    /** Streams an upload into the blob store; see {@link BlobStore#put(String, InputStream, long)}. */
    public long storeUpload(Upload upload, InputStream in, long maxBytes) {
        return blobs.put(upload.blobKey(), in, maxBytes);
    }

    /** Reads an upload back (to profile it) before it is a dataset; the caller closes it. */
    public InputStream openUpload(Upload upload) {
        return blobs.open(upload.blobKey()).orElseThrow(() -> new IllegalStateException("upload blob missing: " + upload.blobKey()));
    }

    /** Forgets an upload that turned out unreadable. */
    public void discardUpload(Upload upload) {
        blobs.delete(upload.blobKey());
    }

    public StoredDataset addDataset(String projectId, Upload upload, String name, long bytes, long rows, int sampleRows, int columns,
                                    String columnsJson, String previewJson) {
        Instant now = SqlTimes.now(clock);
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO datasets (project_id, dataset_id, name, blob_key, bytes, row_count, sample_rows, column_count, columns_json, preview_json, created_at)
                        VALUES (:p, :d, :name, :key, :bytes, :rows, :sample, :cols, :columns, :preview, :now)""")
                .bind("p", projectId).bind("d", upload.datasetId()).bind("name", name).bind("key", upload.blobKey()).bind("bytes", bytes)
                .bind("rows", rows).bind("sample", sampleRows).bind("cols", columns).bind("columns", columnsJson).bind("preview", previewJson).bind("now", SqlTimes.at(now))
                .execute());
        return dataset(projectId, upload.datasetId());
    }

    public StoredDataset dataset(String projectId, String datasetId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM datasets WHERE project_id = :p AND dataset_id = :d")
                .bind("p", projectId).bind("d", datasetId).map(AutomlStore::mapDataset).findOne()
                .orElseThrow(() -> Problem.notFound("No dataset with id '" + datasetId + "' in this project.")));
    }

    public List<StoredDataset> datasets(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM datasets WHERE project_id = :p ORDER BY created_at DESC, dataset_id")
                .bind("p", projectId).map(AutomlStore::mapDataset).list());
    }

    /** The dataset's file as uploaded; the caller closes it. */
    public InputStream openDataset(StoredDataset dataset) {
        return blobs.open(dataset.blobKey()).orElseThrow(() -> new IllegalStateException("dataset blob missing: " + dataset.blobKey()));
    }

    public void deleteDataset(String projectId, String datasetId) {
        StoredDataset dataset = dataset(projectId, datasetId);
        jdbi.useTransaction(h -> {
            int used = h.createQuery("SELECT COUNT(*) FROM automl_experiments WHERE project_id = :p AND dataset_id = :d")
                    .bind("p", projectId).bind("d", datasetId).mapTo(Integer.class).one();
            if (used > 0) {
                throw Problem.conflict("dataset_in_use", "Dataset '" + datasetId + "' is used by " + used + " experiment(s); it is kept for their provenance.");
            }
            h.createUpdate("DELETE FROM datasets WHERE project_id = :p AND dataset_id = :d").bind("p", projectId).bind("d", datasetId).execute();
        });
        blobs.delete(dataset.blobKey());
    }

    public StoredExperiment addExperiment(String projectId, String datasetId, String specJson) {
        String id = Ids.newId("exp");
        Instant now = SqlTimes.now(clock);
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO automl_experiments (project_id, experiment_id, dataset_id, operation_id, spec_json, models_trained, best_score,
                                                        result_json, created_at, updated_at)
                        VALUES (:p, :e, :d, NULL, :spec, 0, NULL, NULL, :now, :now)""")
                .bind("p", projectId).bind("e", id).bind("d", datasetId).bind("spec", specJson).bind("now", SqlTimes.at(now)).execute());
        return experiment(projectId, id);
    }

    public void attachOperation(String projectId, String experimentId, String operationId) {
        update(projectId, experimentId, "operation_id = :v", operationId);
    }

    /** How far the search has come: called as models finish. */
    public void progress(String projectId, String experimentId, int modelsTrained, Double bestScore) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE automl_experiments SET models_trained = :n, best_score = :best, updated_at = :now
                        WHERE project_id = :p AND experiment_id = :e""")
                .bind("n", modelsTrained).bind("best", bestScore).bind("now", SqlTimes.at(SqlTimes.now(clock)))
                .bind("p", projectId).bind("e", experimentId).execute());
    }

    public void finish(String projectId, String experimentId, String resultJson) {
        update(projectId, experimentId, "result_json = :v", resultJson);
    }

    public StoredExperiment experiment(String projectId, String experimentId) {
        return jdbi.withHandle(h -> findExperiment(h, projectId, experimentId))
                .orElseThrow(() -> Problem.notFound("No experiment with id '" + experimentId + "' in this project."));
    }

    public List<StoredExperiment> experiments(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM automl_experiments WHERE project_id = :p ORDER BY created_at DESC, experiment_id")
                .bind("p", projectId).map(AutomlStore::mapExperiment).list());
    }

    /**
     * Saves a scoring model, once per leaderboard entry of an experiment: a repeated run (after a crash) gets the model
     * saved the first time.
     */
    public StoredModel addModel(String projectId, String experimentId, String entryId, byte[] model, String cardJson) {
        Optional<StoredModel> saved = modelOfEntry(projectId, experimentId, entryId);
        if (saved.isPresent()) return saved.get();
        String id = Ids.newId("mdl");
        String key = "automl/" + projectId + "/" + id + "/model.bin";
        blobs.put(key, model);
        Instant now = SqlTimes.now(clock);
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO automl_models (project_id, model_id, experiment_id, entry_id, blob_key, bytes, card_json, created_at)
                        VALUES (:p, :m, :e, :entry, :key, :bytes, :card, :now)""")
                .bind("p", projectId).bind("m", id).bind("e", experimentId).bind("entry", entryId).bind("key", key)
                .bind("bytes", (long) model.length).bind("card", cardJson).bind("now", SqlTimes.at(now)).execute());
        return model(projectId, id);
    }

    public StoredModel model(String projectId, String modelId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM automl_models WHERE project_id = :p AND model_id = :m")
                .bind("p", projectId).bind("m", modelId).map(AutomlStore::mapModel).findOne()
                .orElseThrow(() -> Problem.notFound("No AutoML model with id '" + modelId + "' in this project.")));
    }

    /** The project's saved models, oldest first; only one experiment's when {@code experimentId} is given. */
    public List<StoredModel> models(String projectId, String experimentId) {
        String where = experimentId == null ? "" : " AND experiment_id = :e";
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM automl_models WHERE project_id = :p" + where + " ORDER BY created_at, model_id")
                .bind("p", projectId).bind("e", experimentId).map(AutomlStore::mapModel).list());
    }

    public byte[] modelBytes(StoredModel model) {
        return blobs.get(model.blobKey()).orElseThrow(() -> new IllegalStateException("model blob missing: " + model.blobKey()));
    }

    private Optional<StoredModel> modelOfEntry(String projectId, String experimentId, String entryId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM automl_models WHERE project_id = :p AND experiment_id = :e AND entry_id = :entry")
                .bind("p", projectId).bind("e", experimentId).bind("entry", entryId).map(AutomlStore::mapModel).findOne());
    }

    private void update(String projectId, String experimentId, String set, String value) {
        int n = jdbi.withHandle(h -> h.createUpdate("UPDATE automl_experiments SET " + set + ", updated_at = :now WHERE project_id = :p AND experiment_id = :e")
                .bind("v", value).bind("now", SqlTimes.at(SqlTimes.now(clock))).bind("p", projectId).bind("e", experimentId).execute());
        if (n == 0) throw Problem.notFound("No experiment with id '" + experimentId + "' in this project.");
    }

    private static Optional<StoredExperiment> findExperiment(Handle h, String projectId, String experimentId) {
        return h.createQuery("SELECT * FROM automl_experiments WHERE project_id = :p AND experiment_id = :e")
                .bind("p", projectId).bind("e", experimentId).map(AutomlStore::mapExperiment).findOne();
    }

    private static StoredDataset mapDataset(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredDataset(rs.getString("project_id"), rs.getString("dataset_id"), rs.getString("name"), rs.getString("blob_key"),
                rs.getLong("bytes"), rs.getLong("row_count"), rs.getInt("sample_rows"), rs.getInt("column_count"), rs.getString("columns_json"), rs.getString("preview_json"),
                SqlTimes.read(rs, "created_at"));
    }

    private static StoredExperiment mapExperiment(ResultSet rs, StatementContext ctx) throws SQLException {
        double best = rs.getDouble("best_score");
        Double bestScore = rs.wasNull() ? null : best;
        return new StoredExperiment(rs.getString("project_id"), rs.getString("experiment_id"), rs.getString("dataset_id"),
                rs.getString("operation_id"), rs.getString("spec_json"), rs.getInt("models_trained"), bestScore, rs.getString("result_json"),
                SqlTimes.read(rs, "created_at"), SqlTimes.read(rs, "updated_at"));
    }

    private static StoredModel mapModel(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredModel(rs.getString("project_id"), rs.getString("model_id"), rs.getString("experiment_id"), rs.getString("entry_id"),
                rs.getString("blob_key"), rs.getLong("bytes"), rs.getString("card_json"), SqlTimes.read(rs, "created_at"));
    }
}
