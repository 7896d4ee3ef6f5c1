-- Routing policies: what an incoming alert becomes, by severity. The four rules are kept exactly as sent (a JSON
-- array of {severity, outcome, escalationPolicyId}), so clients read back what they wrote in their order.
-- default_of holds the organization's id on its one default policy and is null on every other: the unique
-- constraint allows any number of nulls, so it guarantees at most one default per organization on H2 and
-- PostgreSQL alike (neither a partial index nor a filtered one is portable between them).
CREATE TABLE routing_policies (
    id          VARCHAR(40)                 PRIMARY KEY,
    org_id      VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    name        VARCHAR(255)                NOT NULL,
    description VARCHAR(10000),
    rules       VARCHAR(4000)               NOT NULL,
    default_of  VARCHAR(40)                 REFERENCES organizations (id),
    created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT routing_policies_name_unique_in_org UNIQUE (org_id, name),
    CONSTRAINT routing_policies_one_default_per_org UNIQUE (default_of),
    CONSTRAINT routing_policies_default_of_own_org CHECK (default_of IS NULL OR default_of = org_id)
);
CREATE INDEX routing_policies_org_created ON routing_policies (org_id, created_at, id);

-- Every existing organization gets its default policy (new ones get it when provisioned). The rules are the
-- same as RoutingPolicyService.DEFAULT_RULES; the id reuses the organization's random part, so it is unique.
INSERT INTO routing_policies (id, org_id, name, description, rules, default_of, created_at, updated_at)
SELECT 'rp_' || SUBSTR(id, 5), id, 'Default routing',
       'The organization''s fallback for alerts no other policy routes.',
       '[{"severity":"critical","outcome":"incident","escalationPolicyId":null},'
           || '{"severity":"high","outcome":"incident","escalationPolicyId":null},'
           || '{"severity":"medium","outcome":"provisional_page","escalationPolicyId":null},'
           || '{"severity":"low","outcome":"notification","escalationPolicyId":null}]',
       id, created_at, created_at
FROM organizations;
