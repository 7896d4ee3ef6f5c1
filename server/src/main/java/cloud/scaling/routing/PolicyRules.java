package cloud.scaling.routing;

import java.util.List;

/** A routing policy's rules, one per severity, for the features that route by it (alerts). */
public record PolicyRules(String policyId, List<RoutingRule> rules) {}
