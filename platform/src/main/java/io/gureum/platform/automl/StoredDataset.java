package io.gureum.platform.automl;

import java.time.Instant;

/**
 * An uploaded dataset: the file in the blob store and what was inferred from it.
 *
 * @param rowCount    data rows in the file
 * @param sampleRows  the rows its schema was inferred from and experiments train on: all, or a seeded sample of a large file
 * @param columnsJson JSON: each column's inferred type and statistics
 * @param previewJson JSON: the first rows
 */
public record StoredDataset(String projectId, String datasetId, String name, String blobKey, long bytes, long rowCount, int sampleRows, int columnCount,
                            String columnsJson, String previewJson, Instant createdAt) {}
