package io.gureum.automl.data;

/** What a column holds, as inferred from its values; decides how it becomes features. */
public enum ColumnType {
    NUMERIC, CATEGORICAL, BOOLEAN, DATETIME, TEXT,
    /** A distinct value per row (an identifier): carries no signal that generalises, so it is dropped. */
    ID,
    /** One value (or none) throughout: dropped. */
    CONSTANT
}
