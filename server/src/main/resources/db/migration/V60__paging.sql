-- The paging engine. One escalation per incident that pages through a policy; `timer` counts the waits started
-- so far: a due step acts only when it still carries the current count, so a wait restarted by a handoff, or a
-- step the scheduler runs twice, changes nothing.
CREATE TABLE incident_escalations (
    incident_id        UUID                        PRIMARY KEY REFERENCES incidents (id),
    org_id             VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    policy_id          VARCHAR(40)                 NOT NULL,
    state              VARCHAR(16)                 NOT NULL
                       CHECK (state IN ('paging', 'acknowledged', 'exhausted', 'stopped')),
    level              INTEGER,
    level_started_at   TIMESTAMP(3) WITH TIME ZONE,
    next_escalation_at TIMESTAMP(3) WITH TIME ZONE,
    timer              INTEGER                     NOT NULL
);

-- One person paged on one channel; delivered by its own durable job, every attempt recorded.
CREATE TABLE pages (
    id          VARCHAR(40)                 PRIMARY KEY,
    org_id      VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    incident_id UUID                        NOT NULL REFERENCES incidents (id),
    user_id     VARCHAR(40)                 NOT NULL REFERENCES users (id),
    channel     VARCHAR(16)                 NOT NULL CHECK (channel IN ('email')),
    reason      VARCHAR(16)                 NOT NULL CHECK (reason IN ('escalation', 'handoff')),
    level       INTEGER,
    paged_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    status      VARCHAR(16)                 NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts    INTEGER                     NOT NULL DEFAULT 0
);
CREATE INDEX pages_incident ON pages (incident_id, paged_at, id);

CREATE TABLE page_attempts (
    id           UUID                        PRIMARY KEY,
    page_id      VARCHAR(40)                 NOT NULL REFERENCES pages (id),
    attempted_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    result       VARCHAR(16)                 NOT NULL CHECK (result IN ('delivered', 'failed')),
    error        VARCHAR(1000)
);
CREATE INDEX page_attempts_page ON page_attempts (page_id, attempted_at);
