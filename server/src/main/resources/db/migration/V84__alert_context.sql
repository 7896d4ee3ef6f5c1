-- What an alert carries besides its labels, so that nothing a source sent is lost on the way to the responder:
-- its description, annotations and links (JSON objects), when it started firing by the source's clock, whether a
-- value was cut to fit, and what taking it did about paging. Attributes widen too: 64 entries of 255 + 1024
-- characters, JSON-escaped, can exceed 100,000.
ALTER TABLE alerts ALTER COLUMN attributes SET DATA TYPE VARCHAR(1000000);
ALTER TABLE alerts ADD COLUMN description VARCHAR(10000);
ALTER TABLE alerts ADD COLUMN annotations VARCHAR(1000000) DEFAULT '{}' NOT NULL;
ALTER TABLE alerts ADD COLUMN links VARCHAR(30000) DEFAULT '{}' NOT NULL;
ALTER TABLE alerts ADD COLUMN starts_at TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE alerts ADD COLUMN truncated BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE alerts ADD COLUMN paged BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE alerts ADD COLUMN not_paged_reason VARCHAR(40);

-- Alerts of a notification that could not be used at all (no labels, a timestamp that is not RFC 3339): the rest
-- of the notification is taken, and these are kept with their reason and an excerpt of what was sent.
-- integration_id has no foreign key, like alerts': the record outlives the integration.
CREATE TABLE alert_rejections (
    id             VARCHAR(40)                 PRIMARY KEY,
    org_id         VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    integration_id VARCHAR(40)                 NOT NULL,
    source         VARCHAR(20)                 NOT NULL,
    alert_index    INTEGER                     NOT NULL,
    code           VARCHAR(40)                 NOT NULL,
    message        VARCHAR(1000)               NOT NULL,
    excerpt        VARCHAR(4096)               NOT NULL,
    received_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX alert_rejections_integration_received ON alert_rejections (integration_id, received_at, id);
