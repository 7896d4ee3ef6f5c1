-- Working-hours sets: a time zone and weekly windows, which escalation steps can be conditioned on.
-- The windows are kept exactly as sent (a JSON array of {days, start, end}), so clients read back what they wrote.
CREATE TABLE working_hours (
    id         VARCHAR(40)                 PRIMARY KEY,
    org_id     VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    name       VARCHAR(255)                NOT NULL,
    timezone   VARCHAR(64)                 NOT NULL,
    windows    VARCHAR(16000)              NOT NULL,
    created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT working_hours_name_unique_in_org UNIQUE (org_id, name)
);
CREATE INDEX working_hours_org_created ON working_hours (org_id, created_at, id);
