-- Idempotency keys of POST requests: the first request's fingerprint and, once it succeeded, its response.
-- id is "<org id>:<key>", so keys are scoped to the organization that sent them.
CREATE TABLE idempotency_keys (
    id            VARCHAR(300)                PRIMARY KEY,
    fingerprint   CHAR(64)                    NOT NULL,
    created_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    status_code   INTEGER,
    response_body VARCHAR(1000000)
);
