-- A component's default escalation policy: what alerts of an integration on the component page when their routing
-- rule names no policy. Deleting the policy removes the default (the component stays).
ALTER TABLE components ADD COLUMN escalation_policy_id VARCHAR(40);
ALTER TABLE components ADD CONSTRAINT components_escalation_policy_fk FOREIGN KEY (escalation_policy_id)
    REFERENCES escalation_policies (id) ON DELETE SET NULL;
CREATE INDEX components_escalation_policy ON components (escalation_policy_id);
