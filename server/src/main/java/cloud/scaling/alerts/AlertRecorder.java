package cloud.scaling.alerts;

import cloud.scaling.auth.Caller;
import cloud.scaling.auth.Role;
import cloud.scaling.components.ComponentRepository;
import cloud.scaling.components.ComponentRow;
import cloud.scaling.escalation.EscalationPolicyRepository;
import cloud.scaling.incidents.IncidentRow;
import cloud.scaling.incidents.IncidentService;
import cloud.scaling.incidents.NewIncident;
import cloud.scaling.incidents.StatusSteps;
import cloud.scaling.pager.Escalations;
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
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One alert delivery in one transaction: attach to the alert already firing with its key, or insert a new firing
 * alert (the unique firing key makes a concurrent twin fail here; {@link AlertIntake} retries it, and the retry
 * attaches) and open what its routing rule says; or resolve, closing the incident with its last firing alert.
 * An incident opened from an alert carries the alert's context (description, links, labels) in its description,
 * so that everything that shows an incident (webhook payloads, page emails) shows it too.
 */
@Singleton
public class AlertRecorder {

    /** Incident descriptions hold 10,000 characters. */
    static final int INCIDENT_DESCRIPTION_LENGTH = 10_000;

    private final AlertRepository alerts;
    private final AlertRouting routing;
    private final IncidentService incidents;
    private final StatusSteps statusSteps;
    private final ComponentRepository components;
    private final EscalationPolicyRepository escalationPolicies;
    private final Escalations escalations;
    private final JsonMapper json;
    private final Clock clock;

    public AlertRecorder(
            AlertRepository alerts,
            AlertRouting routing,
            IncidentService incidents,
            StatusSteps statusSteps,
            ComponentRepository components,
            EscalationPolicyRepository escalationPolicies,
            Escalations escalations,
            JsonMapper json,
            Clock clock) {
        this.alerts = alerts;
        this.routing = routing;
        this.incidents = incidents;
        this.statusSteps = statusSteps;
        this.components = components;
        this.escalationPolicies = escalationPolicies;
        this.escalations = escalations;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Taken.Recorded record(IntegrationRow integration, IncomingAlert alert) {
        Optional<AlertRow> firing = alerts.findByIntegrationIdAndFiringKey(integration.id(), alert.dedupKey());
        return alert.firing() ? fire(integration, alert, firing) : resolve(integration, alert, firing);
    }

    private Taken.Recorded fire(IntegrationRow integration, IncomingAlert alert, Optional<AlertRow> firing) {
        if (firing.isPresent()) {
            AlertRow current = firing.get();
            if (current.incidentId() == null || isOpen(integration, current)) {
                alerts.redelivered(current.id());
                return new Taken.Recorded(
                        Taken.Result.DEDUPLICATED,
                        alerts.findById(current.id()).orElseThrow(),
                        false,
                        Taken.DEDUPLICATED);
            }
            // Its incident was resolved by hand while the source still fires: that episode is over (the alert
            // reads resolved from now), and this delivery starts a new one, with a new incident.
            alerts.resolve(current.id(), clock.instant());
        }
        AlertRouting.Route route = routing.route(integration, alert.severity(), alert.attributes());
        Outcome outcome = route.rule().outcome();
        if (!opensIncident(outcome)) {
            AlertRow stored = insert(integration, alert, route, true, false, "routing_" + outcome.wireName());
            return new Taken.Recorded(Taken.Result.TAKEN, stored, false, stored.notPagedReason());
        }
        Optional<ComponentRow> component = component(integration);
        String escalationPolicy = escalationPolicy(integration, component, route.rule());
        boolean paged = escalationPolicy != null;
        AlertRow stored = insert(integration, alert, route, true, paged, paged ? null : Taken.NO_ESCALATION_POLICY);
        IncidentRow incident = incidents.create(
                actingAs(integration),
                new NewIncident(
                        alert.incidentTitle(),
                        incidentDescription(alert),
                        alert.severity(),
                        null,
                        null,
                        escalationPolicy,
                        component.map(ComponentRow::id).stream().toList()));
        alerts.attach(stored.id(), incident.id());
        if (outcome == Outcome.PROVISIONAL_PAGE) {
            escalations.endAtFirstLevel(incident.id());
        }
        // What was just written, as stored (the clock ticks in milliseconds, which both databases keep): no
        // read back. The new firing row is this transaction's alone until it commits.
        return new Taken.Recorded(Taken.Result.TAKEN, stored.attachedTo(incident.id()), paged, stored.notPagedReason());
    }

    private Taken.Recorded resolve(IntegrationRow integration, IncomingAlert alert, Optional<AlertRow> firing) {
        if (firing.isEmpty()) {
            AlertRow latest = alerts.latest(integration.id(), alert.dedupKey())
                    .orElseGet(() -> insert(
                            integration,
                            alert,
                            routing.route(integration, alert.severity(), alert.attributes()),
                            false,
                            false,
                            Taken.RESOLVED));
            return new Taken.Recorded(Taken.Result.RESOLVED, latest, false, Taken.RESOLVED);
        }
        AlertRow current = firing.get();
        Instant now = clock.instant();
        if (alerts.resolve(current.id(), now) == 1
                && current.incidentId() != null
                && alerts.firingOf(current.incidentId()) == 0) {
            resolveIncident(integration, current);
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
            @Nullable String notPagedReason) {
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
                null,
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

    private boolean isOpen(IntegrationRow integration, AlertRow alert) {
        return !incidents
                .get(actingAs(integration), alert.incidentId())
                .status()
                .resolved();
    }

    /** Both open an incident; a provisional page's escalation then stops at its first level (RoutingOutcome). */
    private static boolean opensIncident(Outcome outcome) {
        return outcome == Outcome.INCIDENT || outcome == Outcome.PROVISIONAL_PAGE;
    }

    /** The integration's component, unless it was deleted since. */
    private Optional<ComponentRow> component(IntegrationRow integration) {
        return integration.componentId() == null
                ? Optional.empty()
                : components.findByIdAndOrgId(integration.componentId(), integration.orgId());
    }

    /** The rule's escalation policy, unless it names none (or one deleted since): then the component's default. */
    @Nullable
    private String escalationPolicy(IntegrationRow integration, Optional<ComponentRow> component, RoutingRule rule) {
        String named = rule.escalationPolicyId();
        if (named != null
                && escalationPolicies
                        .findByIdAndOrgId(named, integration.orgId())
                        .isPresent()) {
            return named;
        }
        return component.map(ComponentRow::escalationPolicyId).orElse(null);
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
