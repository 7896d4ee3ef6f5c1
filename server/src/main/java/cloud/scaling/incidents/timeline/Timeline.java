package cloud.scaling.incidents.timeline;

import cloud.scaling.audit.AuditDetails;
import cloud.scaling.audit.AuditTrail;
import cloud.scaling.audit.AuditType;
import cloud.scaling.auth.Caller;
import cloud.scaling.components.AffectedComponents;
import cloud.scaling.incidents.IncidentChange;
import cloud.scaling.incidents.IncidentRepository;
import cloud.scaling.incidents.IncidentRow;
import cloud.scaling.incidents.IncidentService;
import cloud.scaling.incidents.IncidentStatus;
import cloud.scaling.incidents.IncidentStatuses;
import cloud.scaling.incidents.StatusHistoryRepository;
import cloud.scaling.incidents.StatusHistoryRow;
import cloud.scaling.incidents.StatusSteps;
import cloud.scaling.incidents.Visibility;
import cloud.scaling.shared.Refusal;
import cloud.scaling.shared.UniqueConstraint;
import cloud.scaling.shared.WireEnum;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident's timeline: posting updates (with an optional status step, applied atomically), listing them,
 * and redaction. PATCH /status is a post of an internal update with a status step.
 */
@Singleton
public class Timeline implements StatusSteps {

    /** How long authors may redact their own updates; admins may at any time. */
    static final Duration AUTHOR_REDACTION_WINDOW = Duration.ofMinutes(5);

    private final IncidentService incidentService;
    private final IncidentRepository incidents;
    private final StatusHistoryRepository history;
    private final UpdateRepository updates;
    private final AffectedComponents components;
    private final AuditTrail audit;
    private final ApplicationEventPublisher<IncidentChange> changes;
    private final Clock clock;

    public Timeline(
            IncidentService incidentService,
            IncidentRepository incidents,
            StatusHistoryRepository history,
            UpdateRepository updates,
            AffectedComponents components,
            AuditTrail audit,
            ApplicationEventPublisher<IncidentChange> changes,
            Clock clock) {
        this.incidentService = incidentService;
        this.incidents = incidents;
        this.history = history;
        this.updates = updates;
        this.components = components;
        this.audit = audit;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public UpdateRow post(Caller caller, UUID incidentId, PostUpdate update) {
        return post(caller, incidentService.get(caller, incidentId), update);
    }

    private UpdateRow post(Caller caller, IncidentRow incident, PostUpdate update) {
        IncidentStatuses.requireOpen(incident);
        if (update.body() == null && update.statusChange() == null) {
            throw Refusal.badRequest("empty_update", "Give a body, a statusChange, or both.");
        }
        boolean isPublic = update.visibility() == Visibility.PUBLIC;
        if (isPublic && update.body() == null) {
            throw Refusal.badRequest("body_required", "A public update needs a body.");
        }
        if (update.statusChange() != null) {
            IncidentStatuses.requireNextStep(incident.status(), update.statusChange());
        }
        if (isPublic && components.of(List.of(incident.id())).get(incident.id()).isEmpty()) {
            throw Refusal.badRequest(
                    "no_public_surface",
                    "A public update needs somewhere "
                            + "public to appear: give the incident at least one affected component first.");
        }
        Instant now = clock.instant();
        UpdateRow posted = updates.save(new UpdateRow(
                UUID.randomUUID(),
                incident.id(),
                update.body(),
                update.statusChange(),
                update.visibility(),
                caller.userId(),
                now,
                null,
                null));
        if (update.statusChange() != null) {
            step(caller, incident, update, posted.id(), now);
        } else {
            incidents.touch(incident.id(), now);
        }
        audit.record(incident.id(), AuditType.UPDATE_POSTED, caller, now, AuditDetails.ofUpdate(posted.id()));
        changes.publishEvent(new IncidentChange.UpdatePosted(
                incident.orgId(), incident.id(), posted.id(), update.visibility(), caller.userId(), now));
        return posted;
    }

    /**
     * PATCH /status: an internal update that only changes the status. Unlike posting, a resolved incident
     * answers {@code invalid_status_transition} here, as for any other step that is not the next one.
     */
    @Override
    @Transactional
    public void changeStatus(Caller caller, UUID incidentId, IncidentStatus status, String resolutionNote) {
        IncidentRow incident = incidentService.get(caller, incidentId);
        IncidentStatuses.requireNextStep(incident.status(), status);
        post(caller, incident, new PostUpdate(null, status, Visibility.INTERNAL, resolutionNote));
    }

    /**
     * Incidents move one status at a time, so the incident steps through each status it has not reached, each an
     * ordinary status change with its history entry and event; the last carries the resolution note.
     */
    @Override
    @Transactional
    public void resolve(Caller caller, UUID incidentId, String resolutionNote) {
        List<IncidentStatus> steps =
                incidentService.get(caller, incidentId).status().stepsAfter();
        for (int i = 0; i < steps.size(); i++) {
            changeStatus(caller, incidentId, steps.get(i), i == steps.size() - 1 ? resolutionNote : null);
        }
    }

    public List<UpdateRow> list(Caller caller, UUID incidentId) {
        return updates.timelineOf(incidentService.get(caller, incidentId).id());
    }

    /**
     * An update as another feature shows it (the responder page): a value, so that the updates table stays the
     * incidents' own. A redacted update has no body.
     */
    public record Posted(
            String postedBy,
            Instant postedAt,
            @Nullable IncidentStatus statusChange,
            Visibility visibility,
            @Nullable String body,
            boolean redacted) {}

    /** {@link #list}, as values. */
    public List<Posted> posted(Caller caller, UUID incidentId) {
        return list(caller, incidentId).stream()
                .map(row -> new Posted(
                        row.postedBy(),
                        row.postedAt(),
                        row.statusChange(),
                        row.visibility(),
                        row.body(),
                        row.redactedAt() != null))
                .toList();
    }

    @Transactional
    public UpdateRow redact(Caller caller, UUID incidentId, UUID updateId) {
        IncidentRow incident = incidentService.get(caller, incidentId);
        UpdateRow update = updates.findByIdAndIncidentId(updateId, incident.id())
                .orElseThrow(() -> Refusal.notFound("Update " + updateId));
        Instant now = clock.instant();
        boolean authorInTime = update.postedBy().equals(caller.userId())
                && !now.isAfter(update.postedAt().plus(AUTHOR_REDACTION_WINDOW));
        if (!caller.isAdmin() && !authorInTime) {
            throw Refusal.forbidden(
                    "redaction_not_permitted",
                    "Only the author within 5 minutes of posting, or an org:admin, may redact this update.");
        }
        if (updates.redact(update.id(), caller.userId(), now) == 1) {
            audit.record(
                    incident.id(), AuditType.UPDATE_REDACTED, caller.userId(), now, AuditDetails.ofUpdate(update.id()));
        }
        return updates.findById(update.id()).orElseThrow();
    }

    /**
     * Applies the status step. The UPDATE only matches while the incident still has the status this request
     * saw, and the history admits one row per status, so of two racing requests exactly one wins.
     */
    private void step(Caller caller, IncidentRow incident, PostUpdate update, UUID updateId, Instant now) {
        if (incidents.transition(
                        incident.id(), WireEnum.wire(incident.status()), WireEnum.wire(update.statusChange()), now)
                != 1) {
            IncidentRow current = incidentService.get(caller, incident.id());
            IncidentStatuses.requireOpen(current);
            throw IncidentStatuses.invalidTransition(current.status(), update.statusChange());
        }
        try {
            history.save(new StatusHistoryRow(
                    UUID.randomUUID(), incident.id(), update.statusChange(), now, update.resolutionNote()));
        } catch (DataAccessException failure) {
            if (UniqueConstraint.refused(failure, "status_history_once_per_status")) {
                // A racing request recorded this very step first: ours is now a step to where the incident is.
                throw IncidentStatuses.invalidTransition(update.statusChange(), update.statusChange());
            }
            throw failure;
        }
        audit.record(
                incident.id(),
                AuditType.STATUS_CHANGED,
                caller,
                now,
                AuditDetails.statusChanged(
                        WireEnum.wire(incident.status()), WireEnum.wire(update.statusChange()), updateId));
        changes.publishEvent(new IncidentChange.StatusChanged(
                incident.orgId(), incident.id(), incident.status(), update.statusChange(), caller.userId(), now));
    }
}
