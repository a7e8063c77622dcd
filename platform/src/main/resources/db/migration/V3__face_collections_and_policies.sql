-- Face collections (who is who: enrolled faces searched by embedding) and per-project policies.
-- Written once for H2 and PostgreSQL: only types and syntax both accept. Times are computed in Java.

CREATE TABLE face_collections (
    project_id           VARCHAR(40)   NOT NULL REFERENCES projects (id),
    -- the caller's name for it: 1-64 of [A-Za-z0-9_-]
    collection_id        VARCHAR(64)   NOT NULL,
    description          VARCHAR(1000),
    -- the model that made every embedding in it (e.g. mobilefacenet@3.0.4); vectors of two models never mix
    embedding_model      VARCHAR(200)  NOT NULL,
    embedding_dimensions INTEGER       NOT NULL,
    -- bumped in the same transaction as every change to its faces: each node's in-memory index
    -- compares it (one cheap SELECT per search) to know when to reload
    version              BIGINT        NOT NULL,
    -- kept in step with the faces under the row lock, so the per-collection limit holds under concurrency
    face_count           INTEGER       NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, collection_id)
);

CREATE TABLE faces (
    project_id    VARCHAR(40)   NOT NULL,
    collection_id VARCHAR(64)   NOT NULL,
    face_id       VARCHAR(40)   NOT NULL,
    person_id     VARCHAR(128)  NOT NULL,
    -- the caller's JSON object, at most 4 KiB of UTF-8
    metadata      VARCHAR(4096),
    -- float32 little-endian, embedding_dimensions of them, as the model produced them (not normalised)
    embedding     BYTEA         NOT NULL,
    -- where the face was in the image it was enrolled from, in that image's pixels
    box_x         INTEGER       NOT NULL,
    box_y         INTEGER       NOT NULL,
    box_width     INTEGER       NOT NULL,
    box_height    INTEGER       NOT NULL,
    image_width   INTEGER       NOT NULL,
    image_height  INTEGER       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, collection_id, face_id),
    FOREIGN KEY (project_id, collection_id) REFERENCES face_collections (project_id, collection_id) ON DELETE CASCADE
);
-- Listing and deleting one person's faces.
CREATE INDEX faces_person ON faces (project_id, collection_id, person_id);

-- Per-project settings that admins set; a project without a row has the defaults (nothing disabled).
CREATE TABLE project_policies (
    project_id               VARCHAR(40)  PRIMARY KEY REFERENCES projects (id),
    -- comma-separated subset of age,gender,emotion: face attributes this project's calls never get
    disabled_face_attributes VARCHAR(100) NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
