package cloud.scaling.alerts;

import cloud.scaling.routing.PolicyRules;
import cloud.scaling.routing.RoutingPolicyService;
import cloud.scaling.routing.RoutingRule;
import cloud.scaling.shared.Severity;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which routing policy and rule an alert falls under: the first selector of the integration whose matchers all
 * match, else the integration's own policy, else the organization's default. A reference to a policy deleted since
 * is passed over, so an alert always finds the default at the end.
 */
@Singleton
class AlertRouting {

    /** The policy that decided, and its rule for the alert's severity. */
    record Route(String routingPolicyId, RoutingRule rule) {}

    private final IntegrationService integrations;
    private final RoutingPolicyService policies;

    AlertRouting(IntegrationService integrations, RoutingPolicyService policies) {
        this.integrations = integrations;
        this.policies = policies;
    }

    /**
     * Routes the alerts of one notification of {@code integration}: each policy is read (and its rules decoded)
     * once for all of them, within the notification's transaction, so it is never staler than that transaction.
     */
    Routes forNotification(IntegrationRow integration) {
        return new Routes(integration);
    }

    /** One notification's routing, its policies read once. */
    final class Routes {
        private final IntegrationRow integration;
        private final List<Selector> selectors;
        private final Map<String, Optional<PolicyRules>> read = new HashMap<>();
        private PolicyRules byDefault;

        private Routes(IntegrationRow integration) {
            this.integration = integration;
            this.selectors = integrations.selectors(integration);
        }

        Route route(Severity severity, Map<String, String> attributes) {
            PolicyRules policy = selectors.stream()
                    .filter(selector -> selector.matches(attributes))
                    .map(selector -> policy(selector.routingPolicyId()))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .or(() -> policy(integration.routingPolicyId()))
                    .orElseGet(this::byDefault);
            RoutingRule rule = policy.rules().stream()
                    .filter(r -> r.severity() == severity)
                    .findFirst()
                    .orElseThrow();
            return new Route(policy.policyId(), rule);
        }

        private Optional<PolicyRules> policy(String policyId) {
            return policyId == null
                    ? Optional.empty()
                    : read.computeIfAbsent(policyId, id -> policies.rulesOf(integration.orgId(), id));
        }

        private PolicyRules byDefault() {
            if (byDefault == null) {
                byDefault = policies.defaultRules(integration.orgId());
            }
            return byDefault;
        }
    }
}
