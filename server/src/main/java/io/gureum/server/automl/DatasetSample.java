package io.gureum.server.automl;

import io.gureum.automl.data.CsvOptions;
import io.gureum.automl.data.CsvReader;
import io.gureum.automl.data.Table;

import java.io.InputStream;

/**
 * Which rows of an uploaded file are held in memory: all of them up to {@value #MAX_ROWS}, else a seeded random
 * sample of about that many. The same sample (same seed, same file) is profiled at upload and trained on by every
 * experiment, so the schema an experiment was checked against is the one it learns from. A file of any size can be
 * stored and checked; a search over more rows than this would not finish in a budget of minutes on a few cores anyway
 * (larger jobs are for a cluster).
 */
final class DatasetSample {
    static final int MAX_ROWS = 250_000;
    private static final long SEED = 0x67757265756dL;

    private DatasetSample() {}

    /** The share of a file's {@code rows} to keep. */
    static double keep(long rows) {
        return rows <= MAX_ROWS ? 1.0 : (double) MAX_ROWS / rows;
    }

    /** Reads the sample of a file of {@code rows} data rows (plain or gzip); the caller closes the stream. */
    static Table read(InputStream csv, long rows) {
        return new CsvReader(CsvOptions.defaults()).read(csv, keep(rows), SEED);
    }
}
