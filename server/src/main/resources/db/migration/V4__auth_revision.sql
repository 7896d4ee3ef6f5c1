-- One counter that every change able to take access away (today: revoking an API key) increments in its own
-- transaction. Servers cache callers by key hash and poll this one row to learn when to drop that cache.
CREATE TABLE auth_revision (
    id       SMALLINT PRIMARY KEY,
    revision BIGINT   NOT NULL
);
INSERT INTO auth_revision (id, revision) VALUES (1, 0);
