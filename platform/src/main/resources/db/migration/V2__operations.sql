-- Durable operations: the job table every long task goes through.
-- Written once for H2 and PostgreSQL: only types and syntax both accept. Times are computed in Java.

CREATE TABLE operations (
    id                  VARCHAR(40)   PRIMARY KEY,
    project_id          VARCHAR(40)   NOT NULL REFERENCES projects (id),
    kind                VARCHAR(100)  NOT NULL,
    -- queued | running | succeeded | failed | canceled
    status              VARCHAR(16)   NOT NULL,
    progress            DOUBLE PRECISION NOT NULL,
    -- runs started so far; also the fencing token: a completion must name the attempt it belongs to
    attempts            INTEGER       NOT NULL,
    -- fixed by the first worker that claims it (its WorkerSettings.maxAttempts); null while never claimed
    max_attempts        INTEGER,
    -- the node holding the claim, and until when; another node may take over once it has passed
    lease_owner         VARCHAR(200),
    lease_expires_at    TIMESTAMP WITH TIME ZONE,
    -- a queued operation is not claimed before this (retry backoff)
    next_attempt_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    idempotency_key     VARCHAR(255),
    -- SHA-256 of kind and input, to tell a replay from a different request reusing the key
    request_sha256      VARCHAR(64)   NOT NULL,
    input_key           VARCHAR(300)  NOT NULL,
    result_key          VARCHAR(300),
    webhook_url         VARCHAR(2048),
    -- null without a webhook or before the end; then pending | delivered | failed
    webhook_state       VARCHAR(16),
    webhook_attempts    INTEGER       NOT NULL,
    -- when a pending delivery is due; pushed forward while one node is sending it
    webhook_next_at     TIMESTAMP WITH TIME ZONE,
    error_code          VARCHAR(100),
    error_message       VARCHAR(4000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at        TIMESTAMP WITH TIME ZONE
);

-- A replayed POST finds its operation; two racing ones cannot both insert. NULL keys never collide.
CREATE UNIQUE INDEX operations_idempotency ON operations (project_id, idempotency_key);
-- Listing, newest first, optionally by status.
CREATE INDEX operations_project_created ON operations (project_id, created_at);
-- Claiming: due queued work, and running work whose lease has expired.
CREATE INDEX operations_claim_queued ON operations (status, next_attempt_at);
CREATE INDEX operations_claim_expired ON operations (status, lease_expires_at);
-- Webhook deliveries that are due.
CREATE INDEX operations_webhook_due ON operations (webhook_state, webhook_next_at);
