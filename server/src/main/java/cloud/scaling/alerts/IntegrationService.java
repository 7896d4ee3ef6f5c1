package cloud.scaling.alerts;

import cloud.scaling.auth.Caller;
import cloud.scaling.components.ComponentService;
import cloud.scaling.routing.RoutingPolicyService;
import cloud.scaling.shared.Hashing;
import cloud.scaling.shared.RandomIds;
import cloud.scaling.shared.Refusal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Inbound integrations: creation with a token shown once (stored as SHA-256 only), selectors replaced wholesale,
 * token rotation, deletion, and finding the integration a delivery's token belongs to. Everything org-scoped.
 */
@Singleton
public class IntegrationService {

    private static final Argument<List<Selector>> SELECTORS = Argument.listOf(Selector.class);

    private final IntegrationRepository integrations;
    private final ComponentService components;
    private final RoutingPolicyService routingPolicies;
    private final JsonMapper json;
    private final Clock clock;

    public IntegrationService(
            IntegrationRepository integrations,
            ComponentService components,
            RoutingPolicyService routingPolicies,
            JsonMapper json,
            Clock clock) {
        this.integrations = integrations;
        this.components = components;
        this.routingPolicies = routingPolicies;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public IssuedIntegration create(Caller caller, NewIntegration command) {
        if (command.componentId() != null
                && components.forAlerts(caller.orgId(), command.componentId()).isEmpty()) {
            throw Refusal.badRequest(
                    "invalid_component_id",
                    "componentId " + command.componentId() + " is not a component of this organization.");
        }
        requireRoutingPolicy(caller.orgId(), command.routingPolicyId(), "routingPolicyId");
        String token = IngestTokens.generate();
        Instant now = clock.instant();
        IntegrationRow row = integrations.save(new IntegrationRow(
                RandomIds.prefixed("int"),
                caller.orgId(),
                command.name(),
                command.type(),
                command.componentId(),
                command.routingPolicyId(),
                write(List.of()),
                Hashing.sha256Hex(token),
                IngestTokens.displayPrefix(token),
                caller.userId(),
                now,
                now));
        return new IssuedIntegration(row, token);
    }

    public List<IntegrationRow> list(Caller caller) {
        return integrations.listed(caller.orgId());
    }

    public IntegrationRow get(Caller caller, String id) {
        return integrations
                .findByIdAndOrgId(id, caller.orgId())
                .orElseThrow(() -> Refusal.notFound("Inbound integration " + id));
    }

    @Transactional
    public IntegrationRow replaceSelectors(Caller caller, String id, List<Selector> selectors) {
        IntegrationRow integration = get(caller, id);
        for (int i = 0; i < selectors.size(); i++) {
            requireRoutingPolicy(
                    caller.orgId(), selectors.get(i).routingPolicyId(), "selectors[" + i + "].routingPolicyId");
        }
        integrations.replaceSelectors(integration.id(), write(selectors), clock.instant());
        return get(caller, id);
    }

    /** A new token; the old one stops working with this commit, since only the new hash is stored. */
    @Transactional
    public IssuedIntegration rotateToken(Caller caller, String id) {
        IntegrationRow integration = get(caller, id);
        String token = IngestTokens.generate();
        integrations.replaceToken(
                integration.id(), Hashing.sha256Hex(token), IngestTokens.displayPrefix(token), clock.instant());
        return new IssuedIntegration(get(caller, id), token);
    }

    @Transactional
    public void delete(Caller caller, String id) {
        integrations.delete(get(caller, id));
    }

    /**
     * The integration a delivery's token belongs to. Found by the token's hash (an index lookup), then the hashes
     * are compared once more in constant time, so that no timing tells how much of a guess was right.
     */
    public Optional<IntegrationRow> authenticate(@Nullable String token) {
        if (!IngestTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        String hash = Hashing.sha256Hex(token);
        return integrations.findByTokenHash(hash).filter(found -> Hashing.sameHash(found.tokenHash(), hash));
    }

    public List<Selector> selectors(IntegrationRow integration) {
        try {
            return json.readValue(integration.selectors(), SELECTORS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireRoutingPolicy(String orgId, @Nullable String policyId, String field) {
        if (policyId != null && !routingPolicies.exists(orgId, policyId)) {
            throw Refusal.badRequest(
                    "invalid_routing_policy_id",
                    field + ": " + policyId + " is not a routing policy of this organization.");
        }
    }

    private String write(List<Selector> selectors) {
        try {
            return json.writeValueAsString(selectors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
