package cloud.scaling.incidents;

import cloud.scaling.audit.AuditDetails;
import cloud.scaling.audit.AuditTrail;
import cloud.scaling.audit.AuditType;
import cloud.scaling.auth.Caller;
import cloud.scaling.components.AffectedComponents;
import cloud.scaling.oncall.WhoIsOnCall;
import cloud.scaling.orgs.Membership;
import cloud.scaling.pagination.CursorCodec;
import cloud.scaling.pagination.CursorPosition;
import cloud.scaling.pagination.ResultPage;
import cloud.scaling.shared.Refusal;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The incident rules: creation, reads and listing, acknowledgement, handoff and affected components, always
 * within the caller's organization. Every change is one transaction together with its audit event.
 */
@Singleton
public class IncidentService {

    private static final String LIST = "incidents";

    private final IncidentRepository incidents;
    private final StatusHistoryRepository history;
    private final IncidentListing listing;
    private final CursorCodec cursors;
    private final Membership members;
    private final AffectedComponents components;
    private final AuditTrail audit;
    private final WhoIsOnCall oncall;
    private final EscalationPort escalation;
    private final ApplicationEventPublisher<IncidentChange> changes;
    private final Clock clock;

    public IncidentService(
            IncidentRepository incidents,
            StatusHistoryRepository history,
            IncidentListing listing,
            CursorCodec cursors,
            Membership members,
            AffectedComponents components,
            AuditTrail audit,
            WhoIsOnCall oncall,
            EscalationPort escalation,
            ApplicationEventPublisher<IncidentChange> changes,
            Clock clock) {
        this.incidents = incidents;
        this.history = history;
        this.listing = listing;
        this.cursors = cursors;
        this.members = members;
        this.components = components;
        this.audit = audit;
        this.oncall = oncall;
        this.escalation = escalation;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public IncidentRow create(Caller caller, NewIncident command) {
        components.validate(caller.orgId(), command.componentIds());
        Instant now = clock.instant();
        // The schedule is checked even when ownerId wins; its owner is fixed now, not followed later.
        String scheduleOwner = command.ownerScheduleId() == null
                ? null
                : oncall.ownerAt(caller.orgId(), command.ownerScheduleId(), now).orElse(null);
        String ownerId = command.ownerId() != null ? command.ownerId() : scheduleOwner;
        String policyId = escalation.policyFor(caller.orgId(), command.escalationPolicyId(), command.ownerScheduleId());
        IncidentRow incident = new IncidentRow(
                UUID.randomUUID(),
                caller.orgId(),
                command.title(),
                command.description(),
                command.severity(),
                IncidentStatus.INITIAL,
                ownerId,
                policyId,
                caller.userId(),
                null,
                null,
                now,
                now);
        insert(incident, command.ownerId() != null);
        history.save(new StatusHistoryRow(UUID.randomUUID(), incident.id(), IncidentStatus.INITIAL, now, null));
        components.add(incident.id(), command.componentIds());
        audit.record(incident.id(), AuditType.INCIDENT_CREATED, caller.userId(), now, AuditDetails.NONE);
        changes.publishEvent(new IncidentChange.Opened(
                caller.orgId(), incident.id(), policyId, command.firstLevelOnly(), ownerId, caller.userId(), now));
        return incident;
    }

    /**
     * An owner named in the request must be a user of the organization; that check is part of the insert (one round
     * trip less per create), and the transaction rolls back when it fails.
     */
    private void insert(IncidentRow incident, boolean ownerNamed) {
        if (!ownerNamed) {
            incidents.save(incident);
            return;
        }
        long inserted = incidents.insertOwnedByMember(
                incident.id(),
                incident.orgId(),
                incident.title(),
                incident.description(),
                incident.severity(),
                incident.status(),
                incident.ownerId(),
                incident.escalationPolicyId(),
                incident.createdBy(),
                incident.createdAt());
        if (inserted == 0) {
            throw Refusal.badRequest(
                    "invalid_owner_id", "ownerId " + incident.ownerId() + " is not a user of this organization.");
        }
    }

    /** {@link #create}, answering the new incident's id. */
    @Transactional
    public UUID open(Caller caller, NewIncident command) {
        return create(caller, command).id();
    }

    /** Which of the organization's incidents {@code ids} are not resolved; one query. */
    public java.util.Set<UUID> unresolvedAmong(String orgId, java.util.Collection<UUID> ids) {
        return ids.isEmpty()
                ? new java.util.HashSet<>()
                : new java.util.HashSet<>(incidents.unresolvedAmong(orgId, ids));
    }

    /**
     * The summaries of these incidents, by id, whichever organization they belong to: for work that holds ids it
     * read from its own organization-scoped rows (a page names its incident). One query.
     */
    public Map<UUID, IncidentSummary> summaries(Collection<UUID> ids) {
        return ids.isEmpty()
                ? Map.of()
                : incidents.findByIdIn(ids).stream().collect(Collectors.toMap(IncidentRow::id, IncidentSummary::of));
    }

    /** {@link #get}'s summary. */
    public IncidentSummary summary(Caller caller, UUID id) {
        return IncidentSummary.of(get(caller, id));
    }

    public IncidentRow get(Caller caller, UUID id) {
        return incidents.findByIdAndOrgId(id, caller.orgId()).orElseThrow(() -> Refusal.notFound("Incident " + id));
    }

    /** {@link #get} for another feature: where the incident stands, not its row. */
    public IncidentSnapshot snapshot(Caller caller, UUID id) {
        return IncidentSnapshot.of(get(caller, id));
    }

    /** {@link #get}, locking the incident for the rest of the transaction. */
    private IncidentRow lock(Caller caller, UUID id) {
        return incidents.lockByIdAndOrgId(id, caller.orgId()).orElseThrow(() -> Refusal.notFound("Incident " + id));
    }

    @Transactional(readOnly = true)
    public ResultPage<IncidentRow> list(Caller caller, IncidentFilter filter, @Nullable String cursor, int limit) {
        CursorPosition after = cursor == null ? null : cursors.decode(LIST, caller.orgId(), cursor);
        return ResultPage.of(
                listing.page(caller.orgId(), filter, after, limit + 1),
                limit,
                row -> new CursorPosition(row.createdAt(), row.id().toString()),
                position -> cursors.encode(LIST, caller.orgId(), position));
    }

    /**
     * Idempotent: the first acknowledgement stays; resolved incidents are left alone. The incident is locked first,
     * so that a concurrent acknowledgement's answer is read after the winner's commit: without the lock, a loser
     * whose UPDATE skipped the row (already acknowledged by a transaction not yet committed, as H2 decides it) read
     * it back unacknowledged and answered so.
     */
    @Transactional
    public IncidentRow acknowledge(Caller caller, UUID id) {
        IncidentRow incident = lock(caller, id);
        Instant now = clock.instant();
        if (incidents.acknowledge(incident.id(), caller.userId(), now) == 1) {
            audit.record(incident.id(), AuditType.INCIDENT_ACKNOWLEDGED, caller, now, AuditDetails.NONE);
            changes.publishEvent(new IncidentChange.Acknowledged(caller.orgId(), incident.id(), caller.userId(), now));
        }
        return get(caller, id);
    }

    @Transactional
    public IncidentRow handOff(Caller caller, UUID id, String targetUserId) {
        IncidentRow incident = lock(caller, id);
        if (!members.isMember(targetUserId, caller.orgId())) {
            throw Refusal.badRequest(
                    "invalid_target_user", "targetUserId " + targetUserId + " is not a user of this organization.");
        }
        IncidentStatuses.requireOpen(incident);
        Instant now = clock.instant();
        incidents.assignOwner(incident.id(), targetUserId, now);
        audit.record(
                incident.id(),
                AuditType.INCIDENT_HANDED_OFF,
                caller.userId(),
                now,
                AuditDetails.handedOff(incident.ownerId(), targetUserId));
        changes.publishEvent(new IncidentChange.HandedOff(
                caller.orgId(), incident.id(), incident.ownerId(), targetUserId, caller.userId(), now));
        return get(caller, id);
    }

    @Transactional
    public IncidentRow setComponents(Caller caller, UUID id, List<String> componentIds) {
        IncidentRow incident = lock(caller, id);
        components.validate(caller.orgId(), componentIds);
        IncidentStatuses.requireOpen(incident);
        Instant now = clock.instant();
        components.replace(incident.id(), componentIds);
        incidents.touch(incident.id(), now);
        audit.record(
                incident.id(),
                AuditType.COMPONENTS_CHANGED,
                caller.userId(),
                now,
                AuditDetails.componentsChanged(componentIds));
        return get(caller, id);
    }
}
