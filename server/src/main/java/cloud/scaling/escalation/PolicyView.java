package cloud.scaling.escalation;

import java.util.List;

/** A policy with its levels in position order, decoded, for the controller to show in both models. */
public record PolicyView(EscalationPolicyRow policy, List<PolicyLevel> levels) {}
