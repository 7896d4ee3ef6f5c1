package cloud.scaling.routing;

import cloud.scaling.auth.Caller;
import cloud.scaling.escalation.PolicyDirectory;
import cloud.scaling.orgs.OrganizationCreated;
import cloud.scaling.shared.RandomIds;
import cloud.scaling.shared.Refusal;
import cloud.scaling.shared.Severity;
import cloud.scaling.web.NameConflict;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Routing-policy rules: exactly one rule per severity, names unique in the organization, one undeletable default
 * per organization (created with it), everything org-scoped.
 */
@Singleton
public class RoutingPolicyService {

    /** The default policy's rules: nothing is dropped, and only the two upper severities page in earnest. */
    static final List<RoutingRule> DEFAULT_RULES = List.of(
            new RoutingRule(Severity.CRITICAL, Outcome.INCIDENT, null),
            new RoutingRule(Severity.HIGH, Outcome.INCIDENT, null),
            new RoutingRule(Severity.MEDIUM, Outcome.PROVISIONAL_PAGE, null),
            new RoutingRule(Severity.LOW, Outcome.NOTIFICATION, null));

    private static final Argument<List<RoutingRule>> RULES = Argument.listOf(RoutingRule.class);

    private final RoutingPolicyRepository policies;
    private final PolicyDirectory escalationPolicies;
    private final JsonMapper json;
    private final Clock clock;

    public RoutingPolicyService(
            RoutingPolicyRepository policies, PolicyDirectory escalationPolicies, JsonMapper json, Clock clock) {
        this.policies = policies;
        this.escalationPolicies = escalationPolicies;
        this.json = json;
        this.clock = clock;
    }

    /** Every organization routes from its first moment: its default policy joins the transaction creating it. */
    @EventListener
    public void onOrganizationCreated(OrganizationCreated created) {
        policies.save(new RoutingPolicyRow(
                RandomIds.prefixed("rp"),
                created.orgId(),
                "Default routing",
                "The organization's fallback for alerts no other policy routes.",
                rulesJson(DEFAULT_RULES),
                created.orgId(),
                created.at(),
                created.at()));
    }

    @Transactional
    public RoutingPolicyRow create(Caller caller, RoutingPolicyState state) {
        validate(caller.orgId(), state);
        requireFreeName(caller.orgId(), state.name());
        Instant now = clock.instant();
        RoutingPolicyRow row = new RoutingPolicyRow(
                RandomIds.prefixed("rp"),
                caller.orgId(),
                state.name(),
                state.description(),
                rulesJson(state.rules()),
                null,
                now,
                now);
        return guardingName(() -> policies.save(row), state.name());
    }

    @Transactional
    public RoutingPolicyRow replace(Caller caller, String id, RoutingPolicyState state) {
        RoutingPolicyRow current = get(caller.orgId(), id);
        validate(caller.orgId(), state);
        if (!current.name().equals(state.name())) {
            requireFreeName(caller.orgId(), state.name());
        }
        RoutingPolicyRow changed = new RoutingPolicyRow(
                current.id(),
                current.orgId(),
                state.name(),
                state.description(),
                rulesJson(state.rules()),
                current.defaultOf(),
                current.createdAt(),
                clock.instant());
        return guardingName(() -> policies.update(changed), state.name());
    }

    @Transactional
    public void delete(Caller caller, String id) {
        RoutingPolicyRow policy = get(caller.orgId(), id);
        if (policy.isDefault()) {
            throw Refusal.conflict(
                    "default_routing_policy",
                    "Routing policy " + id
                            + " is the organization's default and cannot be deleted; replace its rules instead.");
        }
        policies.delete(policy);
    }

    public RoutingPolicyRow get(String orgId, String id) {
        return policies.findByIdAndOrgId(id, orgId).orElseThrow(() -> Refusal.notFound("Routing policy " + id));
    }

    public List<RoutingPolicyRow> list(Caller caller) {
        return policies.listed(caller.orgId());
    }

    /** Whether the organization has a routing policy by this id (for the features that name one). */
    public boolean exists(String orgId, String id) {
        return policies.findByIdAndOrgId(id, orgId).isPresent();
    }

    /** The rules of the organization's policy {@code id}, if it has one by that id. */
    public java.util.Optional<PolicyRules> rulesOf(String orgId, String id) {
        return policies.findByIdAndOrgId(id, orgId).map(row -> new PolicyRules(row.id(), rules(row)));
    }

    /** The rules of the organization's default policy (every organization has one from its creation). */
    public PolicyRules defaultRules(String orgId) {
        RoutingPolicyRow row = policies.findByDefaultOf(orgId).orElseThrow();
        return new PolicyRules(row.id(), rules(row));
    }

    public List<RoutingRule> rules(RoutingPolicyRow row) {
        try {
            return json.readValue(row.rules(), RULES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void validate(String orgId, RoutingPolicyState state) {
        List<Severity> severities =
                state.rules().stream().map(RoutingRule::severity).toList();
        Set<Severity> distinct = Set.copyOf(severities);
        if (distinct.size() != severities.size() || !distinct.containsAll(EnumSet.allOf(Severity.class))) {
            throw Refusal.badRequest(
                    "invalid_rules",
                    "rules must hold exactly one rule per " + "severity (critical, high, medium, low); got "
                            + severities.stream().map(Severity::wireName).collect(Collectors.joining(", ")) + ".");
        }
        // In id order, each locked until the commit, so that two writers never wait on each other crosswise.
        state.rules().stream()
                .map(RoutingRule::escalationPolicyId)
                .filter(policyId -> policyId != null)
                .sorted()
                .distinct()
                .filter(policyId -> !isEscalationPolicy(orgId, policyId))
                .findFirst()
                .ifPresent(policyId -> {
                    throw Refusal.badRequest(
                            "invalid_escalation_policy_id",
                            "rules: " + policyId + " is not an escalation policy of this organization.");
                });
    }

    /**
     * Whether the policy exists, locked until the commit: its delete locks it first, so a rule naming it is
     * either committed before the delete or refused after it (a rule may still outlive the policy later on: it
     * then routes as if it named none, as the spec says).
     */
    private boolean isEscalationPolicy(String orgId, String policyId) {
        return escalationPolicies.lock(policyId, orgId);
    }

    private void requireFreeName(String orgId, String name) {
        if (policies.existsByOrgIdAndName(orgId, name)) {
            throw nameConflict(name);
        }
    }

    /** The unique constraint still decides when two requests race for the same name. */
    private static RoutingPolicyRow guardingName(Supplier<RoutingPolicyRow> write, String name) {
        return NameConflict.guarding(write, "routing_policies_name_unique_in_org", "routing policy", name);
    }

    private static Refusal nameConflict(String name) {
        return NameConflict.of("routing policy", name);
    }

    private String rulesJson(List<RoutingRule> rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
