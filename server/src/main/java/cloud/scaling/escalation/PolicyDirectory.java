package cloud.scaling.escalation;

import jakarta.inject.Singleton;

/**
 * For the features that name an escalation policy (components, routing rules, alerts): whether it exists, a lock that orders a reference
 * before the policy's delete (or after it, refused). The policies table stays escalation's own.
 */
@Singleton
public class PolicyDirectory {

    private final EscalationPolicyRepository policies;

    PolicyDirectory(EscalationPolicyRepository policies) {
        this.policies = policies;
    }

    /** Whether the organization has the policy (it may have been deleted since something named it). */
    public boolean exists(String policyId, String orgId) {
        return policies.findByIdAndOrgId(policyId, orgId).isPresent();
    }

    /** Locks the policy until the transaction ends, as its level changes do; false when there is no such policy. */
    public boolean lock(String policyId, String orgId) {
        return policies.lock(policyId, orgId) > 0;
    }
}
