package io.gureum.server.automl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.automl.data.CsvOptions;
import io.gureum.automl.data.CsvReader;
import io.gureum.automl.data.Dataset;
import io.gureum.core.Problem;
import io.gureum.core.Service;
import io.gureum.platform.automl.AutomlStore;
import io.gureum.platform.automl.StoredDataset;
import io.gureum.platform.keys.ApiKey;
import io.gureum.server.http.ApiAccess;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Datasets for AutoML: {@code POST /v1/datasets?name=} takes a CSV body (plain or gzip; streamed to storage, up to
 * {@code GUREUM_MAX_DATASET_BYTES}, 2 GiB by default), checks every row, infers each column's type and statistics
 * (from {@link DatasetSample}'s rows), and keeps the first rows as a preview; a malformed file is 400 {@code malformed_csv} naming the row and column, and
 * nothing is kept. {@code GET /v1/datasets[/{id}[/preview]]} and {@code DELETE /v1/datasets/{id}}.
 */
public final class DatasetRoutes {
    public static final String BASE = "/v1/datasets";
    static final int PREVIEW_ROWS = 20;
    private static final Set<String> TYPES = Set.of("text/csv", "application/csv", "application/gzip", "application/x-gzip", "application/octet-stream");

    private final AutomlStore store;
    private final ObjectMapper json;
    private final long maxBytes;

    public DatasetRoutes(AutomlStore store, ObjectMapper json, long maxBytes) {
        this.store = store;
        this.json = json;
        this.maxBytes = maxBytes;
    }

    /** A dataset as listed and shown; {@code columns} only on the dataset's own page. */
    /**
     * @param rows       data rows in the file
     * @param sampleRows the rows profiled and trained on: all of them, or a seeded sample of a file over 250,000 rows
     */
    public record DatasetView(String id, String name, long bytes, long rows, int sampleRows, int columnCount, List<AutomlViews.ColumnView> columns,
                              Instant createdAt) {}

    public record DatasetList(List<DatasetView> datasets) {}

    public record Preview(String id, List<String> columns, List<Map<String, String>> rows) {}

    public void register(Javalin app) {
        app.post(BASE, this::upload);
        app.get(BASE, ctx -> {
            ApiKey key = ApiAccess.requireScope(ctx, Service.AUTOML.scope());
            ctx.json(new DatasetList(store.datasets(key.projectId()).stream().map(d -> view(d, false)).toList()));
        });
        app.get(BASE + "/{id}", ctx -> {
            ApiKey key = ApiAccess.requireScope(ctx, Service.AUTOML.scope());
            ctx.json(view(store.dataset(key.projectId(), ctx.pathParam("id")), true));
        });
        app.get(BASE + "/{id}/preview", ctx -> {
            ApiKey key = ApiAccess.requireScope(ctx, Service.AUTOML.scope());
            StoredDataset d = store.dataset(key.projectId(), ctx.pathParam("id"));
            List<Map<String, String>> rows = json.readValue(d.previewJson(), new TypeReference<>() {});
            List<String> names = columns(d).stream().map(AutomlViews.ColumnView::name).toList();
            ctx.json(new Preview(d.datasetId(), names, rows));
        });
        app.delete(BASE + "/{id}", ctx -> {
            ApiKey key = ApiAccess.requireScope(ctx, Service.AUTOML.scope());
            store.deleteDataset(key.projectId(), ctx.pathParam("id"));
            ctx.status(204);
        });
    }

    private void upload(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.AUTOML.scope());
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new Problem(415, "unsupported_media_type", "Unsupported media type", "A dataset is uploaded as 'text/csv' (or gzip: "
                    + "'application/gzip'); got " + (type.isEmpty() ? "none" : "'" + type + "'") + ".");
        }
        String name = ctx.queryParam("name") == null ? "dataset.csv" : ctx.queryParam("name");
        if (name.isBlank() || name.length() > 200) throw Problem.invalid("name must be 1-200 characters");
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) throw Problem.tooLarge("The dataset is " + declared + " bytes; this server takes at most " + maxBytes + ".");
        AutomlStore.Upload upload = store.newUpload(key.projectId());
        boolean kept = false;
        try {
            long bytes;
            try (InputStream body = ctx.req().getInputStream()) {
                bytes = store.storeUpload(upload, body, maxBytes);
            }
            if (bytes == 0) throw Problem.badRequest("empty_body", "The request body is empty; a CSV file with a header row is expected.");
            // two passes over the stored file: count (and check) every row, then read the rows that are held in memory
            long rows;
            try (InputStream stored = store.openUpload(upload)) {
                rows = new CsvReader(CsvOptions.defaults()).count(stored);
            }
            Dataset data;
            try (InputStream stored = store.openUpload(upload)) {
                data = Dataset.of(DatasetSample.read(stored, rows));
            }
            List<AutomlViews.ColumnView> columns = data.profiles().stream().map(AutomlViews::column).toList();
            StoredDataset saved = store.addDataset(key.projectId(), upload, name, bytes, rows, data.rowCount(), columns.size(),
                    json.writeValueAsString(columns), json.writeValueAsString(data.preview(PREVIEW_ROWS)));
            kept = true;
            ctx.status(201).header("Location", BASE + "/" + saved.datasetId()).json(view(saved, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // also after an OutOfMemoryError or a client that went away: a file that is not a dataset is not kept
            if (!kept) store.discardUpload(upload);
        }
    }

    private DatasetView view(StoredDataset d, boolean withColumns) {
        return new DatasetView(d.datasetId(), d.name(), d.bytes(), d.rowCount(), d.sampleRows(), d.columnCount(), withColumns ? columns(d) : null,
                d.createdAt());
    }

    List<AutomlViews.ColumnView> columns(StoredDataset d) {
        try {
            return json.readValue(d.columnsJson(), new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable column profile of dataset " + d.datasetId(), e);
        }
    }
}
