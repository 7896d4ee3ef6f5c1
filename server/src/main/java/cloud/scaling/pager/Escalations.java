package cloud.scaling.pager;

import cloud.scaling.contacts.ContactMethods;
import cloud.scaling.escalation.Condition;
import cloud.scaling.escalation.EscalationPolicyService;
import cloud.scaling.escalation.Level;
import cloud.scaling.escalation.TargetType;
import cloud.scaling.incidents.IncidentChange;
import cloud.scaling.oncall.WhoIsOnCall;
import cloud.scaling.orgs.Membership;
import cloud.scaling.scheduling.DurableTimers;
import cloud.scaling.shared.Combiner;
import cloud.scaling.shared.RandomIds;
import cloud.scaling.shared.TransactionMemo;
import cloud.scaling.shared.WireEnum;
import cloud.scaling.workinghours.WorkingHoursService;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The paging engine: starts an incident's escalation when it opens, moves it on when a level's wait passes
 * unacknowledged, and stops it on acknowledgement or resolution. Every change locks the escalation row first,
 * and a due step acts only if it carries the current {@code timer}, so each step takes effect exactly once
 * whatever the scheduler does (runs it late, twice, or on another server).
 */
@Singleton
public class Escalations implements ApplicationEventListener<IncidentChange> {

    /** The one-time job that ends a level's wait; its instance id is {@code <incidentId>/<timer>}. */
    public static final TaskDescriptor<Void> STEP = TaskDescriptor.of("escalation-step");

    private final EscalationRepository escalations;
    private final EscalationPolicyService policies;
    private final WhoIsOnCall oncall;
    private final WorkingHoursService workingHours;
    private final Membership membership;
    private final PageRepository pages;
    private final ContactMethods contactMethods;
    private final DurableTimers timers;
    private final ApplicationEventPublisher<PagerEvent> events;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;
    private final TransactionMemo memo;
    private final Combiner<DueStep, Void> dueSteps = new Combiner<>(this::runDue, PageDelivery.BATCH);

    public Escalations(
            EscalationRepository escalations,
            EscalationPolicyService policies,
            WhoIsOnCall oncall,
            WorkingHoursService workingHours,
            Membership membership,
            PageRepository pages,
            ContactMethods contactMethods,
            DurableTimers timers,
            ApplicationEventPublisher<PagerEvent> events,
            Clock clock,
            TransactionOperations<Connection> transactions,
            TransactionMemo memo) {
        this.escalations = escalations;
        this.policies = policies;
        this.oncall = oncall;
        this.workingHours = workingHours;
        this.membership = membership;
        this.pages = pages;
        this.contactMethods = contactMethods;
        this.timers = timers;
        this.events = events;
        this.clock = clock;
        this.transactions = transactions;
        this.memo = memo;
    }

    /** Runs inside the transaction of the incident change. */
    @Override
    public void onApplicationEvent(IncidentChange change) {
        if (change instanceof IncidentChange.Opened opened && opened.escalationPolicyId() != null) {
            start(opened);
        } else if (change instanceof IncidentChange.Acknowledged) {
            end(change, EscalationState.ACKNOWLEDGED);
        } else if (change instanceof IncidentChange.StatusChanged changed && changed.resolved()) {
            end(change, EscalationState.STOPPED);
        } else if (change instanceof IncidentChange.HandedOff handedOff) {
            handOff(handedOff);
        }
    }

    private void start(IncidentChange.Opened opened) {
        EscalationRow fresh = new EscalationRow(
                opened.incidentId(),
                opened.orgId(),
                opened.escalationPolicyId(),
                EscalationState.PAGING,
                null,
                null,
                null,
                0,
                null);
        List<Level> levels =
                levelsOf(opened.orgId(), opened.escalationPolicyId()).orElse(List.of());
        EscalationRow started = moveOn(fresh, levels, 0, opened.at(), true);
        // A provisional page: the level paged now is told, and when its wait passes unacknowledged escalation is
        // exhausted instead of moving on.
        escalations.save(
                opened.firstLevelOnly() && started.state() == EscalationState.PAGING
                        ? started.endingAtCurrentLevel()
                        : started);
    }

    private void end(IncidentChange change, EscalationState ended) {
        escalations
                .lock(change.incidentId())
                .filter(row -> row.state() == EscalationState.PAGING)
                .ifPresent(row -> escalations.update(row.ended(ended)));
    }

    /** Pages the new owner; when escalation is waiting, the current level's wait starts again from now. */
    private void handOff(IncidentChange.HandedOff handedOff) {
        page(
                handedOff.orgId(),
                handedOff.incidentId(),
                List.of(handedOff.ownerId()),
                PageReason.HANDOFF,
                null,
                handedOff.at());
        escalations
                .lock(handedOff.incidentId())
                .filter(row -> row.state() == EscalationState.PAGING && row.level() != null)
                .ifPresent(row -> {
                    List<Level> levels = levelsOf(row.orgId(), row.policyId()).orElse(List.of());
                    if (row.level() <= levels.size()) {
                        Level current = levels.get(row.level() - 1);
                        escalations.update(waitOn(row, row.level(), current, handedOff.at()));
                    }
                });
    }

    /**
     * The step scheduled for wait {@code timer} of the incident's escalation fell due. Does nothing unless that
     * wait is still the current one (no acknowledgement, resolution or restarted wait since). The steps that the
     * scheduler's threads run at about the same time share one transaction (see {@link Combiner}): a burst of
     * steps commits, and stores its new jobs, in batches.
     */
    public void stepDue(UUID incidentId, int timer) {
        dueSteps.submit(new DueStep(incidentId, timer));
    }

    /**
     * Runs these steps in one transaction, taking their incidents in id order: two batches never lock crosswise.
     * If one step fails, {@link Combiner} runs them again one per transaction.
     */
    private List<Void> runDue(List<DueStep> due) {
        transactions.executeWrite(transaction -> {
            due.stream()
                    .sorted(Comparator.comparing(DueStep::incidentId))
                    .forEach(step -> step(step.incidentId(), step.timer()));
            return null;
        });
        return Collections.nCopies(due.size(), null);
    }

    private void step(UUID incidentId, int timer) {
        escalations.lockIncident(incidentId);
        Optional<EscalationRow> locked = escalations.lock(incidentId);
        if (locked.isEmpty()
                || locked.get().state() != EscalationState.PAGING
                || locked.get().timer() != timer) {
            return;
        }
        EscalationRow row = locked.get();
        Instant now = clock.instant();
        Optional<List<Level>> levels = levelsOf(row.orgId(), row.policyId());
        if (levels.isEmpty()) {
            escalations.update(row.ended(EscalationState.STOPPED));
            return;
        }
        EscalationRow next =
                moveOn(row, row.reachable(levels.get()), row.level() == null ? 0 : row.level(), now, false);
        escalations.update(next);
        if (next.state() == EscalationState.PAGING) {
            events.publishEvent(new PagerEvent.Escalated(row.orgId(), incidentId, row.policyId(), next.level(), now));
        }
    }

    private record DueStep(UUID incidentId, int timer) {}

    /** The policy's levels, read once per transaction: a burst of steps, or a storm's incidents, share a few. */
    private Optional<List<Level>> levelsOf(String orgId, String policyId) {
        return memo.once(new PolicyLevels(orgId, policyId), () -> policies.levelsOf(orgId, policyId));
    }

    private record PolicyLevels(String orgId, String policyId) {}

    private record Members(String orgId, Set<String> userIds) {}

    private record Channels(String orgId, Set<String> members) {}

    /**
     * Pages the first level after position {@code after} that applies now and pages somebody. When none does,
     * escalation is exhausted, except at the start: if every level failed its working-hours condition, the
     * last one pages anyway.
     */
    private EscalationRow moveOn(EscalationRow row, List<Level> levels, int after, Instant now, boolean starting) {
        for (int position = after + 1; position <= levels.size(); position++) {
            Level level = levels.get(position - 1);
            if (applies(row.orgId(), level.condition(), now) && page(row, position, level, now)) {
                return waitOn(row, position, level, now);
            }
        }
        boolean noneApplied = levels.stream().noneMatch(level -> applies(row.orgId(), level.condition(), now));
        if (starting
                && !levels.isEmpty()
                && noneApplied
                && page(row, levels.size(), levels.get(levels.size() - 1), now)) {
            return waitOn(row, levels.size(), levels.get(levels.size() - 1), now);
        }
        return row.ended(EscalationState.EXHAUSTED);
    }

    private EscalationRow waitOn(EscalationRow row, int position, Level level, Instant now) {
        EscalationRow waiting = row.waiting(position, now, Duration.ofSeconds(level.waitSeconds()));
        timers.scheduleNew(STEP, row.incidentId() + "/" + waiting.timer(), waiting.nextEscalationAt());
        return waiting;
    }

    private boolean applies(String orgId, Condition condition, Instant now) {
        if (condition == null) {
            return true;
        }
        // A set deleted meanwhile (deletion is refused while a level uses it) cannot keep anyone from being paged.
        return workingHours
                .find(orgId, condition.workingHoursId())
                .map(set -> workingHours.isWithin(set, now) == condition.during())
                .orElse(true);
    }

    /** Pages everyone the level targets now; false when that is nobody (an empty schedule, removed users). */
    private boolean page(EscalationRow row, int position, Level level, Instant now) {
        List<String> targets = level.target().type() == TargetType.SCHEDULE
                ? oncall.pagingTargetsAt(row.orgId(), level.target().scheduleId(), now)
                : level.target().userIds();
        return !page(row.orgId(), row.incidentId(), targets, PageReason.ESCALATION, position, now)
                .isEmpty();
    }

    /** One page on one channel, delivered by its own durable job once this transaction commits. */
    private PageRow record(
            String orgId,
            UUID incidentId,
            String userId,
            String channel,
            String contactMethodId,
            PageReason reason,
            Integer level,
            Instant now) {
        PageRow page = pages.save(new PageRow(
                RandomIds.prefixed("pge"),
                orgId,
                incidentId,
                userId,
                channel,
                reason,
                level,
                now,
                PageStatus.PENDING,
                0,
                contactMethodId));
        timers.scheduleNew(PageDelivery.TASK, page.id(), now);
        events.publishEvent(
                new PagerEvent.Paged(orgId, incidentId, page.id(), userId, channel, WireEnum.wire(reason), level, now));
        return page;
    }

    private List<PageRow> page(
            String orgId, UUID incidentId, List<String> userIds, PageReason reason, Integer level, Instant now) {
        List<PageRow> paged = new ArrayList<>();
        if (userIds.isEmpty()) {
            return paged;
        }
        // One query for the level's members; targets keep the level's order.
        // Once per transaction for the same people: a storm's incidents, or a burst of steps, page the same level.
        Set<String> targets = new LinkedHashSet<>(userIds);
        Set<String> members =
                memo.once(new Members(orgId, targets), () -> new HashSet<>(membership.membersAmong(targets, orgId)));
        Map<String, List<ContactMethods.Channel>> channels =
                memo.once(new Channels(orgId, members), () -> contactMethods.pagedOn(orgId, members));
        for (String userId : new LinkedHashSet<>(userIds)) {
            if (!members.contains(userId)) {
                continue;
            }
            paged.add(record(orgId, incidentId, userId, PageRow.EMAIL, null, reason, level, now));
            // Every contact method at the same moment as the email: no per-user notification rules (see the spec).
            for (ContactMethods.Channel channel : channels.getOrDefault(userId, List.of())) {
                paged.add(record(orgId, incidentId, userId, channel.type(), channel.id(), reason, level, now));
            }
        }
        return paged;
    }
}
