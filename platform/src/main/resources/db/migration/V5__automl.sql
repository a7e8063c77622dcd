-- AutoML: uploaded datasets, experiments (each run by an operation) and the models they saved.
-- Written once for H2 and PostgreSQL: only types and syntax both accept. Times are computed in Java.
-- The CSV files and the scoring models live in the blob store; rows hold their keys and what is read often.

CREATE TABLE datasets (
    project_id   VARCHAR(40)    NOT NULL REFERENCES projects (id),
    dataset_id   VARCHAR(40)    NOT NULL,
    name         VARCHAR(200)   NOT NULL,
    -- the upload as received (gzip or plain CSV)
    blob_key     VARCHAR(300)   NOT NULL,
    bytes        BIGINT         NOT NULL,
    row_count    BIGINT         NOT NULL,
    -- the rows the schema was inferred from and experiments train on: all of them, or a seeded sample of a large file
    sample_rows  INTEGER        NOT NULL,
    column_count INTEGER        NOT NULL,
    -- JSON: each column's inferred type and statistics
    columns_json VARCHAR(1000000) NOT NULL,
    -- JSON: the first rows, as text
    preview_json VARCHAR(1000000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, dataset_id)
);

CREATE TABLE automl_experiments (
    project_id       VARCHAR(40)    NOT NULL,
    experiment_id    VARCHAR(40)    NOT NULL,
    dataset_id       VARCHAR(40)    NOT NULL,
    -- the operation that runs it; null for the moment between the row and the operation being created
    operation_id     VARCHAR(40),
    -- JSON: the request as accepted (target, task, metric, budget, folds, excluded columns, seed)
    spec_json        VARCHAR(100000) NOT NULL,
    models_trained   INTEGER        NOT NULL,
    best_score       DOUBLE PRECISION,
    -- JSON: the leaderboard, feature importance and how the search ended; null until it ends
    result_json      VARCHAR(1000000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, experiment_id),
    FOREIGN KEY (project_id, dataset_id) REFERENCES datasets (project_id, dataset_id)
);

CREATE TABLE automl_models (
    project_id     VARCHAR(40)    NOT NULL,
    model_id       VARCHAR(40)    NOT NULL,
    experiment_id  VARCHAR(40)    NOT NULL,
    -- the leaderboard entry it was refitted from (e.g. LightGBM_3)
    entry_id       VARCHAR(100)   NOT NULL,
    blob_key       VARCHAR(300)   NOT NULL,
    bytes          BIGINT         NOT NULL,
    -- JSON: the model card (data, schema, metrics, provenance, seed)
    card_json      VARCHAR(1000000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, model_id),
    FOREIGN KEY (project_id, experiment_id) REFERENCES automl_experiments (project_id, experiment_id)
);
-- A repeated run of the same experiment (after a crash) saves each entry once.
CREATE UNIQUE INDEX automl_models_entry ON automl_models (project_id, experiment_id, entry_id);
