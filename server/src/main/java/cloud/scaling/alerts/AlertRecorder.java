package cloud.scaling.alerts;

import cloud.scaling.auth.Caller;
import cloud.scaling.auth.Role;
import cloud.scaling.components.ComponentService;
import cloud.scaling.components.PagingComponent;
import cloud.scaling.escalation.PolicyDirectory;
import cloud.scaling.incidents.IncidentService;
import cloud.scaling.incidents.NewIncident;
import cloud.scaling.incidents.StatusSteps;
import cloud.scaling.routing.Outcome;
import cloud.scaling.routing.RoutingRule;
import cloud.scaling.shared.RandomIds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * A notification's alerts (or a bounded batch of them) in one transaction: each attaches to the alert already
 * firing with its key, or inserts a new firing alert (the unique firing key makes a concurrent twin fail here;
 * {@link AlertIntake} retries, and the retry attaches) and opens what its routing rule says; or resolves, closing
 * the incident with its last firing alert. What every alert needs is read once for the batch: the firing alerts
 * of its keys, which of their incidents are open, the routing policies, the component. Deduplicated deliveries
 * are counted in one statement. An incident opened from an alert carries the alert's context (description, links,
 * labels) in its description, so that everything that shows an incident (webhook payloads, page emails) shows it.
 */
@Singleton
public class AlertRecorder {

    /** Incident descriptions hold 10,000 characters. */
    static final int INCIDENT_DESCRIPTION_LENGTH = 10_000;

    private final AlertRepository alerts;
    private final AlertRouting routing;
    private final IncidentService incidents;
    private final StatusSteps statusSteps;
    private final ComponentService components;
    private final PolicyDirectory escalationPolicies;
    private final JsonMapper json;
    private final Clock clock;

    public AlertRecorder(
            AlertRepository alerts,
            AlertRouting routing,
            IncidentService incidents,
            StatusSteps statusSteps,
            ComponentService components,
            PolicyDirectory escalationPolicies,
            JsonMapper json,
            Clock clock) {
        this.alerts = alerts;
        this.routing = routing;
        this.incidents = incidents;
        this.statusSteps = statusSteps;
        this.components = components;
        this.escalationPolicies = escalationPolicies;
        this.json = json;
        this.clock = clock;
    }

    /** What became of each alert, in order. */
    @Transactional
    public List<Taken.Recorded> record(IntegrationRow integration, List<IncomingAlert> batch) {
        Batch state = new Batch(integration, batch);
        List<Taken.Recorded> recorded = new ArrayList<>(batch.size());
        for (IncomingAlert alert : batch) {
            recorded.add(alert.firing() ? fire(state, alert) : resolve(state, alert));
        }
        state.countRedeliveries();
        return recorded;
    }

    /** A batch's view of the database, read once and kept current as its alerts change it. */
    private final class Batch {
        final IntegrationRow integration;
        final AlertRouting.Routes routes;
        /** The firing alert of each key of the batch. */
        final Map<String, AlertRow> firing = new HashMap<>();
        /** Which incidents of those alerts are open. */
        final Set<UUID> unresolved;
        /** Deliveries to count, by alert id. */
        final Map<String, Integer> redeliveries = new LinkedHashMap<>();

        private Optional<PagingComponent> component;
        private final Map<String, Boolean> policiesExist = new HashMap<>();

        Batch(IntegrationRow integration, List<IncomingAlert> batch) {
            this.integration = integration;
            this.routes = routing.forNotification(integration);
            Set<String> keys = new LinkedHashSet<>();
            batch.forEach(alert -> keys.add(alert.dedupKey()));
            alerts.findByIntegrationIdAndFiringKeyIn(integration.id(), keys)
                    .forEach(row -> firing.put(row.firingKey(), row));
            Set<UUID> attached = new HashSet<>();
            firing.values().stream()
                    .map(AlertRow::incidentId)
                    .filter(Objects::nonNull)
                    .forEach(attached::add);
            this.unresolved = incidents.unresolvedAmong(integration.orgId(), attached);
        }

        /** The integration's component, unless it was deleted since. */
        Optional<PagingComponent> component() {
            if (component == null) {
                component = integration.componentId() == null
                        ? Optional.empty()
                        : components.forAlerts(integration.orgId(), integration.componentId());
            }
            return component;
        }

        boolean policyExists(String policyId) {
            return policiesExist.computeIfAbsent(policyId, id -> escalationPolicies.exists(id, integration.orgId()));
        }

        void countRedeliveries() {
            Map<Integer, List<String>> byTimes = new HashMap<>();
            redeliveries.forEach((id, times) ->
                    byTimes.computeIfAbsent(times, absent -> new ArrayList<>()).add(id));
            byTimes.forEach((times, ids) -> alerts.redelivered(ids, times));
        }
    }

    private Taken.Recorded fire(Batch batch, IncomingAlert alert) {
        AlertRow current = batch.firing.get(alert.dedupKey());
        if (current != null) {
            if (current.incidentId() == null || batch.unresolved.contains(current.incidentId())) {
                int times = batch.redeliveries.merge(current.id(), 1, Integer::sum);
                return new Taken.Recorded(
                        Taken.Result.DEDUPLICATED, current.redelivered(times), false, Taken.DEDUPLICATED);
            }
            // Its incident was resolved by hand while the source still fires: that episode is over (the alert
            // reads resolved from now), and this delivery starts a new one, with a new incident.
            alerts.resolve(current.id(), clock.instant());
            batch.firing.remove(alert.dedupKey());
        }
        IntegrationRow integration = batch.integration;
        AlertRouting.Route route = batch.routes.route(alert.severity(), alert.attributes());
        Outcome outcome = route.rule().outcome();
        if (!opensIncident(outcome)) {
            AlertRow stored = remember(
                    batch, insert(integration, alert, route, true, false, "routing_" + outcome.wireName(), null));
            return new Taken.Recorded(Taken.Result.TAKEN, stored, false, stored.notPagedReason());
        }
        Optional<PagingComponent> component = batch.component();
        String escalationPolicy = escalationPolicy(batch, component, route.rule());
        boolean paged = escalationPolicy != null;
        UUID incident = incidents.open(
                actingAs(integration),
                new NewIncident(
                        alert.incidentTitle(),
                        incidentDescription(alert),
                        alert.severity(),
                        null,
                        null,
                        escalationPolicy,
                        component.map(PagingComponent::id).stream().toList(),
                        outcome == Outcome.PROVISIONAL_PAGE));
        // Stored attached, in one insert. A sender racing with the same key opens its own incident too, but its
        // alert's insert then fails on the firing key, and its whole transaction (that incident with it) is undone.
        AlertRow stored =
                insert(integration, alert, route, true, paged, paged ? null : Taken.NO_ESCALATION_POLICY, incident);
        batch.unresolved.add(incident);
        // What was just written, as stored (the clock ticks in milliseconds, which both databases keep): no
        // read back. The new firing row is this transaction's alone until it commits.
        return new Taken.Recorded(Taken.Result.TAKEN, remember(batch, stored), paged, stored.notPagedReason());
    }

    /** A new firing alert, which later alerts of the batch with its key join. */
    private static AlertRow remember(Batch batch, AlertRow stored) {
        batch.firing.put(stored.firingKey(), stored);
        return stored;
    }

    private Taken.Recorded resolve(Batch batch, IncomingAlert alert) {
        IntegrationRow integration = batch.integration;
        AlertRow current = batch.firing.remove(alert.dedupKey());
        if (current == null) {
            AlertRow latest = alerts.latest(integration.id(), alert.dedupKey())
                    .orElseGet(() -> insert(
                            integration,
                            alert,
                            batch.routes.route(alert.severity(), alert.attributes()),
                            false,
                            false,
                            Taken.RESOLVED,
                            null));
            return new Taken.Recorded(Taken.Result.RESOLVED, latest, false, Taken.RESOLVED);
        }
        // Deliveries counted earlier in this batch are written before the row is read back resolved.
        Integer counted = batch.redeliveries.remove(current.id());
        if (counted != null) {
            alerts.redelivered(List.of(current.id()), counted);
        }
        Instant now = clock.instant();
        if (alerts.resolve(current.id(), now) == 1
                && current.incidentId() != null
                && alerts.firingOf(current.incidentId()) == 0) {
            resolveIncident(integration, current);
            batch.unresolved.remove(current.incidentId());
        }
        return new Taken.Recorded(
                Taken.Result.RESOLVED, alerts.findById(current.id()).orElseThrow(), false, Taken.RESOLVED);
    }

    /**
     * The alert's description, then its links and labels, one per line, as a responder reads them wherever the
     * incident is shown; null when the alert carries none of them.
     */
    @Nullable
    static String incidentDescription(IncomingAlert alert) {
        StringBuilder text = new StringBuilder();
        if (alert.description() != null) {
            text.append(alert.description()).append("\n\n");
        }
        alert.links()
                .labelled()
                .forEach((label, url) ->
                        text.append(label).append(": ").append(url).append('\n'));
        if (!alert.attributes().isEmpty()) {
            if (!alert.links().labelled().isEmpty()) {
                text.append('\n');
            }
            text.append("Labels: ");
            StringJoiner labels = new StringJoiner(", ");
            alert.attributes().forEach((name, value) -> labels.add(name + "=" + value));
            text.append(labels).append('\n');
        }
        String description = text.toString().strip();
        return description.isEmpty() ? null : new AlertAttributes().text(description, INCIDENT_DESCRIPTION_LENGTH);
    }

    private void resolveIncident(IntegrationRow integration, AlertRow alert) {
        statusSteps.resolve(
                actingAs(integration),
                alert.incidentId(),
                "Resolved by " + integration.name() + ": the source reported " + alert.dedupKey() + " resolved.");
    }

    private AlertRow insert(
            IntegrationRow integration,
            IncomingAlert alert,
            AlertRouting.Route route,
            boolean firing,
            boolean paged,
            @Nullable String notPagedReason,
            @Nullable UUID incidentId) {
        Instant now = clock.instant();
        return alerts.save(new AlertRow(
                RandomIds.prefixed("alt"),
                integration.orgId(),
                integration.id(),
                alert.dedupKey(),
                firing ? alert.dedupKey() : null,
                alert.title(),
                alert.severity(),
                firing ? AlertRow.FIRING : AlertRow.RESOLVED,
                json(alert.attributes()),
                route.routingPolicyId(),
                route.rule().outcome().wireName(),
                incidentId,
                1,
                now,
                firing ? null : now,
                alert.description(),
                json(alert.annotations()),
                json(alert.links()),
                alert.startsAt(),
                alert.truncated(),
                paged,
                notPagedReason));
    }

    /** Both open an incident; a provisional page's escalation then stops at its first level (RoutingOutcome). */
    private static boolean opensIncident(Outcome outcome) {
        return outcome == Outcome.INCIDENT || outcome == Outcome.PROVISIONAL_PAGE;
    }

    /** The rule's escalation policy, unless it names none (or one deleted since): then the component's default. */
    @Nullable
    private static String escalationPolicy(Batch batch, Optional<PagingComponent> component, RoutingRule rule) {
        String named = rule.escalationPolicyId();
        if (named != null && batch.policyExists(named)) {
            return named;
        }
        return component.map(PagingComponent::escalationPolicyId).orElse(null);
    }

    /** The integration acts as the member who created it. */
    private static Caller actingAs(IntegrationRow integration) {
        return new Caller(integration.orgId(), integration.createdBy(), null, Role.MEMBER);
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
