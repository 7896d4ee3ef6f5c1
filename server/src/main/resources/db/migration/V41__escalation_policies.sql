-- Escalation policies and their levels. A level is stored once and shown twice: as a provider "step" and as a
-- docs "layer" (see the spec). The wait is stored in seconds; user targets as a JSON array in their order.
CREATE TABLE escalation_policies (
    id          VARCHAR(40)                 PRIMARY KEY,
    org_id      VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    name        VARCHAR(255)                NOT NULL,
    description VARCHAR(10000),
    created_by  VARCHAR(40)                 NOT NULL,
    created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT escalation_policies_name_unique_in_org UNIQUE (org_id, name)
);
CREATE INDEX escalation_policies_org_created ON escalation_policies (org_id, created_at, id);

CREATE TABLE escalation_steps (
    id                         VARCHAR(40)                 PRIMARY KEY,
    policy_id                  VARCHAR(40)                 NOT NULL REFERENCES escalation_policies (id) ON DELETE CASCADE,
    org_id                     VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    position                   INTEGER                     NOT NULL CHECK (position >= 1),
    target_type                VARCHAR(16)                 NOT NULL CHECK (target_type IN ('schedule', 'users')),
    schedule_id                VARCHAR(64),
    user_ids                   VARCHAR(2500),
    escalate_after_seconds     INTEGER                     NOT NULL CHECK (escalate_after_seconds >= 60),
    condition_working_hours_id VARCHAR(40)                 REFERENCES working_hours (id),
    condition_when             VARCHAR(8)                  CHECK (condition_when IN ('during', 'outside')),
    created_at                 TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX escalation_steps_policy ON escalation_steps (policy_id, position);
-- What deleting a schedule or working hours, or removing a member, must look at.
CREATE INDEX escalation_steps_schedule ON escalation_steps (org_id, schedule_id);
CREATE INDEX escalation_steps_working_hours ON escalation_steps (condition_working_hours_id);

-- A member removed from the organization leaves the users targets that named them; each removal is recorded.
CREATE TABLE escalation_target_removals (
    id         UUID                        PRIMARY KEY,
    policy_id  VARCHAR(40)                 NOT NULL REFERENCES escalation_policies (id) ON DELETE CASCADE,
    step_id    VARCHAR(40)                 NOT NULL,
    user_id    VARCHAR(40)                 NOT NULL,
    removed_by VARCHAR(40),
    removed_at TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX escalation_target_removals_policy ON escalation_target_removals (policy_id, removed_at);
