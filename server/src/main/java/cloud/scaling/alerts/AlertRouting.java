package cloud.scaling.alerts;

import cloud.scaling.routing.RoutingPolicyRepository;
import cloud.scaling.routing.RoutingPolicyRow;
import cloud.scaling.routing.RoutingPolicyService;
import cloud.scaling.routing.RoutingRule;
import cloud.scaling.shared.Severity;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * Which routing policy and rule an alert falls under: the first selector of the integration whose matchers all
 * match, else the integration's own policy, else the organization's default. A reference to a policy deleted since
 * is passed over, so an alert always finds the default at the end.
 */
@Singleton
public class AlertRouting {

    /** The policy that decided, and its rule for the alert's severity. */
    public record Route(String routingPolicyId, RoutingRule rule) {}

    private final IntegrationService integrations;
    private final RoutingPolicyRepository policies;
    private final RoutingPolicyService policyRules;

    public AlertRouting(
            IntegrationService integrations, RoutingPolicyRepository policies, RoutingPolicyService policyRules) {
        this.integrations = integrations;
        this.policies = policies;
        this.policyRules = policyRules;
    }

    public Route route(IntegrationRow integration, Severity severity, Map<String, String> attributes) {
        RoutingPolicyRow policy = integrations.selectors(integration).stream()
                .filter(selector -> selector.matches(attributes))
                .map(selector -> policy(integration.orgId(), selector.routingPolicyId()))
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> policy(integration.orgId(), integration.routingPolicyId()))
                .orElseGet(() -> policies.findByDefaultOf(integration.orgId()).orElseThrow());
        RoutingRule rule = policyRules.rules(policy).stream()
                .filter(r -> r.severity() == severity)
                .findFirst()
                .orElseThrow();
        return new Route(policy.id(), rule);
    }

    private Optional<RoutingPolicyRow> policy(String orgId, String policyId) {
        return policyId == null ? Optional.empty() : policies.findByIdAndOrgId(policyId, orgId);
    }
}
