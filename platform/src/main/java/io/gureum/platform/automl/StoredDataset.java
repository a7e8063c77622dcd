package io.gureum.platform.automl;

import java.time.Instant;

/**
 * An uploaded dataset: the file in the blob store and what was inferred from it.
 *
 * @param columnsJson JSON: each column's inferred type and statistics
 * @param previewJson JSON: the first rows
 */
public record StoredDataset(String projectId, String datasetId, String name, String blobKey, long bytes, int rowCount, int columnCount,
                            String columnsJson, String previewJson, Instant createdAt) {}
