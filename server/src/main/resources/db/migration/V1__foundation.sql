-- One migration set for H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE organizations (
    id         VARCHAR(40)                 PRIMARY KEY,
    name       VARCHAR(200)                NOT NULL,
    created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

CREATE TABLE users (
    id         VARCHAR(40)                 PRIMARY KEY,
    org_id     VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    email      VARCHAR(320)                NOT NULL,
    first_name VARCHAR(100),
    last_name  VARCHAR(100),
    role       VARCHAR(20)                 NOT NULL CHECK (role IN ('org:admin', 'org:member')),
    created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT users_email_unique_in_org UNIQUE (org_id, email)
);

-- Keys are stored only as SHA-256 (hex) plus a short display prefix; the hash is the lookup key.
CREATE TABLE api_keys (
    id             VARCHAR(40)                 PRIMARY KEY,
    org_id         VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    user_id        VARCHAR(40)                 NOT NULL REFERENCES users (id),
    key_hash       CHAR(64)                    NOT NULL,
    display_prefix VARCHAR(40)                 NOT NULL,
    created_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP(3) WITH TIME ZONE,
    CONSTRAINT api_keys_hash_unique UNIQUE (key_hash)
);
CREATE INDEX api_keys_display_prefix ON api_keys (display_prefix);

CREATE TABLE incidents (
    id                   UUID                        PRIMARY KEY,
    org_id               VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    title                VARCHAR(100)                NOT NULL,
    description          VARCHAR(10000),
    severity             VARCHAR(16)                 NOT NULL
        CHECK (severity IN ('critical', 'high', 'medium', 'low')),
    status               VARCHAR(16)                 NOT NULL
        CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
    owner_id             VARCHAR(40)                 REFERENCES users (id),
    escalation_policy_id VARCHAR(64),
    created_by           VARCHAR(40)                 NOT NULL REFERENCES users (id),
    created_at           TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
-- Keyset paging newest first, unfiltered and with each equality filter; from/to are ranges on created_at.
CREATE INDEX incidents_org_created ON incidents (org_id, created_at DESC, id DESC);
CREATE INDEX incidents_org_status_created ON incidents (org_id, status, created_at DESC, id DESC);
CREATE INDEX incidents_org_severity_created ON incidents (org_id, severity, created_at DESC, id DESC);

CREATE TABLE server_secrets (
    name   VARCHAR(40)  PRIMARY KEY,
    secret VARCHAR(200) NOT NULL
);
