-- Outbound webhooks: the endpoints an organization registers, and the outbox of deliveries to them. A delivery
-- row is written in the transaction of the change it reports; the delivery job claims due rows and records
-- every attempt.
CREATE TABLE webhook_endpoints (
    id            VARCHAR(40)                 PRIMARY KEY,
    org_id        VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    url           VARCHAR(2048)               NOT NULL,
    description   VARCHAR(500),
    -- The subscribed event types, comma-separated; empty means every type.
    event_types   VARCHAR(1000)               NOT NULL,
    enabled       BOOLEAN                     NOT NULL,
    -- The signing secret, AES-GCM encrypted under a key derived from a server secret (never stored in clear).
    secret_sealed VARCHAR(200)                NOT NULL,
    created_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_endpoints_org_created ON webhook_endpoints (org_id, created_at, id);

CREATE TABLE webhook_deliveries (
    id              VARCHAR(40)                 PRIMARY KEY,
    endpoint_id     VARCHAR(40)                 NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_type      VARCHAR(40)                 NOT NULL,
    -- The exact body every attempt sends, fixed when the event happened.
    payload         VARCHAR(1000000)            NOT NULL,
    status          VARCHAR(16)                 NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    -- Failed attempts since the delivery was last queued: where it is in the retry schedule.
    failures        INT                         NOT NULL,
    next_attempt_at TIMESTAMP(3) WITH TIME ZONE,
    created_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_endpoint_created ON webhook_deliveries (endpoint_id, created_at, id);

CREATE TABLE webhook_attempts (
    id              UUID                        PRIMARY KEY,
    delivery_id     VARCHAR(40)                 NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    response_status INT,
    error           VARCHAR(500),
    duration_ms     BIGINT                      NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempted_at);
