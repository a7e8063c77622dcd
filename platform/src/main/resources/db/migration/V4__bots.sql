-- Chatbots: definitions (a draft that changes, immutable trained versions), and conversation sessions.
-- Written once for H2 and PostgreSQL: only types and syntax both accept. Times are computed in Java.
-- Definitions and trained models can run to megabytes, so they live in the blob store; rows hold their keys.

CREATE TABLE bots (
    project_id        VARCHAR(40)   NOT NULL REFERENCES projects (id),
    bot_id            VARCHAR(40)   NOT NULL,
    name              VARCHAR(200)  NOT NULL,
    locale            VARCHAR(16)   NOT NULL,
    -- bumped by every change to the draft; a PUT may name the revision it edited (optimistic locking)
    draft_revision    INTEGER       NOT NULL,
    draft_key         VARCHAR(300)  NOT NULL,
    draft_sha256      VARCHAR(64)   NOT NULL,
    -- handed out when training is submitted, so two trainings never claim one number
    next_version      INTEGER       NOT NULL,
    -- the version that parse, messages and the widget use; null until a training succeeds
    published_version INTEGER,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, bot_id)
);

-- A trained version: the definition it was trained on and its model, both immutable.
CREATE TABLE bot_versions (
    project_id        VARCHAR(40)   NOT NULL,
    bot_id            VARCHAR(40)   NOT NULL,
    version           INTEGER       NOT NULL,
    definition_key    VARCHAR(300)  NOT NULL,
    definition_sha256 VARCHAR(64)   NOT NULL,
    model_key         VARCHAR(300)  NOT NULL,
    -- JSON: what the model was trained on and how well it did (the model card)
    model_card        VARCHAR(20000) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, bot_id, version),
    FOREIGN KEY (project_id, bot_id) REFERENCES bots (project_id, bot_id) ON DELETE CASCADE
);

-- A conversation's dialog state between messages; gone (and started afresh) once expires_at has passed.
CREATE TABLE bot_sessions (
    project_id   VARCHAR(40)   NOT NULL,
    bot_id       VARCHAR(40)   NOT NULL,
    -- the caller's id for the conversation: 1-128 of [A-Za-z0-9._-]
    session_id   VARCHAR(128)  NOT NULL,
    -- the bot version the state was made by
    bot_version  INTEGER       NOT NULL,
    -- the DialogState as JSON
    state        VARCHAR(65536) NOT NULL,
    -- messages handled; also the optimistic lock: a save names the count it read
    turns        INTEGER       NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, bot_id, session_id),
    FOREIGN KEY (project_id, bot_id) REFERENCES bots (project_id, bot_id) ON DELETE CASCADE
);
-- The sweeper deletes expired sessions oldest first.
CREATE INDEX bot_sessions_expiry ON bot_sessions (expires_at);
