-- On-call schedules, their rotation layers (participants in rotation order) and overrides.
-- User ids are not foreign keys: a user removed from the organization is taken out of rotations and overrides
-- by the on-call feature itself (MemberRemoved), whatever the team feature does with the user row.
CREATE TABLE oncall_schedules (
    id          VARCHAR(40)                 PRIMARY KEY,
    org_id      VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    name        VARCHAR(255)                NOT NULL,
    description VARCHAR(10000),
    timezone    VARCHAR(64)                 NOT NULL,
    created_by  VARCHAR(40)                 NOT NULL,
    created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT oncall_schedules_name_unique_in_org UNIQUE (org_id, name)
);
CREATE INDEX oncall_schedules_org_created ON oncall_schedules (org_id, created_at, id);

-- effective_from/effective_until keep the text the client sent (read back verbatim); the *_at columns hold
-- the instants the rotation maths uses.
CREATE TABLE oncall_layers (
    id                   VARCHAR(40)                 PRIMARY KEY,
    schedule_id          VARCHAR(40)                 NOT NULL REFERENCES oncall_schedules (id) ON DELETE CASCADE,
    name                 VARCHAR(255)                NOT NULL,
    layer_position       INTEGER                     NOT NULL,
    rotation_type        VARCHAR(10)                 NOT NULL CHECK (rotation_type IN ('daily', 'weekly', 'custom')),
    rotation_length_days INTEGER                     NOT NULL CHECK (rotation_length_days >= 1),
    handoff_time         VARCHAR(5)                  NOT NULL,
    effective_from       VARCHAR(40)                 NOT NULL,
    effective_from_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    effective_until      VARCHAR(40),
    effective_until_at   TIMESTAMP(3) WITH TIME ZONE,
    created_at           TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT oncall_layers_position_unique UNIQUE (schedule_id, layer_position)
);

CREATE TABLE oncall_layer_participants (
    layer_id VARCHAR(40) NOT NULL REFERENCES oncall_layers (id) ON DELETE CASCADE,
    seq      INTEGER     NOT NULL,
    user_id  VARCHAR(40) NOT NULL,
    PRIMARY KEY (layer_id, seq)
);
CREATE INDEX oncall_layer_participants_user ON oncall_layer_participants (user_id);

CREATE TABLE oncall_overrides (
    id          VARCHAR(40)                 PRIMARY KEY,
    schedule_id VARCHAR(40)                 NOT NULL REFERENCES oncall_schedules (id) ON DELETE CASCADE,
    user_id     VARCHAR(40)                 NOT NULL,
    starts_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(40)                 NOT NULL,
    created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT oncall_overrides_end_after_start CHECK (ends_at > starts_at)
);
CREATE INDEX oncall_overrides_schedule_end ON oncall_overrides (schedule_id, ends_at);
CREATE INDEX oncall_overrides_user ON oncall_overrides (user_id);
