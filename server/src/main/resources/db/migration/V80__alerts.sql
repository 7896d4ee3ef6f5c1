-- Inbound integrations: where monitoring systems send alerts. The ingest token is stored only as its SHA-256
-- (token_hash, unique so that a lookup by hash finds at most one integration). selectors is the ordered JSON
-- array exactly as the last PUT sent it. routing_policy_id and component_id carry no foreign key: deleting a
-- policy or a component must not be blocked by an integration; routing skips references that no longer resolve.
CREATE TABLE inbound_integrations (
    id                VARCHAR(40)                 PRIMARY KEY,
    org_id            VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    name              VARCHAR(255)                NOT NULL,
    type              VARCHAR(20)                 NOT NULL,
    component_id      VARCHAR(40),
    routing_policy_id VARCHAR(40),
    selectors         VARCHAR(100000)             NOT NULL,
    token_hash        VARCHAR(64)                 NOT NULL,
    token_prefix      VARCHAR(20)                 NOT NULL,
    created_by        VARCHAR(40)                 NOT NULL,
    created_at        TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT inbound_integrations_token_unique UNIQUE (token_hash)
);
CREATE INDEX inbound_integrations_org_created ON inbound_integrations (org_id, created_at, id);

-- Alerts as received. firing_key is the dedup key while the alert fires and null once it is resolved: the
-- unique constraint (NULLs are distinct on H2 and PostgreSQL alike) admits one firing alert per integration
-- and key, so of many concurrent deliveries of the same new alert exactly one inserts it and opens its incident.
-- integration_id has no foreign key: an integration's alerts outlive it, with the incidents they opened.
CREATE TABLE alerts (
    id                VARCHAR(40)                 PRIMARY KEY,
    org_id            VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    integration_id    VARCHAR(40)                 NOT NULL,
    dedup_key         VARCHAR(255)                NOT NULL,
    firing_key        VARCHAR(255),
    title             VARCHAR(255)                NOT NULL,
    severity          VARCHAR(20)                 NOT NULL,
    status            VARCHAR(20)                 NOT NULL,
    attributes        VARCHAR(100000)             NOT NULL,
    routing_policy_id VARCHAR(40)                 NOT NULL,
    outcome           VARCHAR(20)                 NOT NULL,
    incident_id       UUID                        REFERENCES incidents (id),
    deliveries        BIGINT                      NOT NULL,
    received_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    resolved_at       TIMESTAMP(3) WITH TIME ZONE,
    CONSTRAINT alerts_one_firing_per_key UNIQUE (integration_id, firing_key)
);
CREATE INDEX alerts_integration_key ON alerts (integration_id, dedup_key, received_at);
CREATE INDEX alerts_incident ON alerts (incident_id, received_at);
