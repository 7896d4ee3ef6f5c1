-- The one-click links of a page (the responder page, Acknowledge, Resolve): each carries a random token bound to
-- the incident, the paged user and what it may do. Only a SHA-256 of its secret part is kept, so the table
-- cannot be used to act; the id part finds the row. A token expires (24 h) and does each action once: a use is a
-- row of page_token_uses, whose key admits one per token and action.
CREATE TABLE page_tokens (
    id          VARCHAR(40)                 PRIMARY KEY,
    secret_hash VARCHAR(64)                 NOT NULL,
    org_id      VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    incident_id UUID                        NOT NULL REFERENCES incidents (id),
    user_id     VARCHAR(40)                 NOT NULL REFERENCES users (id),
    page_id     VARCHAR(40)                 NOT NULL REFERENCES pages (id),
    purpose     VARCHAR(16)                 NOT NULL CHECK (purpose IN ('respond', 'acknowledge', 'resolve')),
    created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX page_tokens_expiry ON page_tokens (expires_at);

CREATE TABLE page_token_uses (
    token_id VARCHAR(40)                 NOT NULL REFERENCES page_tokens (id) ON DELETE CASCADE,
    action   VARCHAR(16)                 NOT NULL CHECK (action IN ('acknowledge', 'resolve')),
    used_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (token_id, action)
);
