package cloud.scaling.workinghours;

import cloud.scaling.auth.Caller;
import cloud.scaling.shared.RandomIds;
import cloud.scaling.shared.Refusal;
import cloud.scaling.web.NameConflict;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/** Working-hours rules: names unique in the organization, real IANA zones, usable windows, org-scoped. */
@Singleton
public class WorkingHoursService {

    private static final String WHAT = "working-hours set";

    private static final Argument<List<Window>> WINDOWS = Argument.listOf(Window.class);

    private final WorkingHoursRepository sets;
    private final ApplicationEventPublisher<WorkingHoursDeleting> deleting;
    private final JsonMapper json;
    private final Clock clock;

    public WorkingHoursService(
            WorkingHoursRepository sets,
            ApplicationEventPublisher<WorkingHoursDeleting> deleting,
            JsonMapper json,
            Clock clock) {
        this.sets = sets;
        this.deleting = deleting;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public WorkingHoursRow create(Caller caller, WorkingHoursState state) {
        validate(state);
        requireFreeName(caller.orgId(), state.name());
        Instant now = clock.instant();
        WorkingHoursRow row = new WorkingHoursRow(
                RandomIds.prefixed("wh"),
                caller.orgId(),
                state.name(),
                state.timezone(),
                windowsJson(state.windows()),
                now,
                now);
        return saveGuardingName(() -> sets.save(row), state.name());
    }

    @Transactional
    public WorkingHoursRow replace(Caller caller, String id, WorkingHoursState state) {
        WorkingHoursRow current = get(caller.orgId(), id);
        validate(state);
        if (!current.name().equals(state.name())) {
            requireFreeName(caller.orgId(), state.name());
        }
        WorkingHoursRow changed = new WorkingHoursRow(
                current.id(),
                current.orgId(),
                state.name(),
                state.timezone(),
                windowsJson(state.windows()),
                current.createdAt(),
                clock.instant());
        return saveGuardingName(() -> sets.update(changed), state.name());
    }

    /** Locks the set first, so a step being written that names it either commits before the check or fails. */
    @Transactional
    public void delete(Caller caller, String id) {
        WorkingHoursRow set = lock(caller.orgId(), id).orElseThrow(() -> Refusal.notFound("Working hours " + id));
        deleting.publishEvent(new WorkingHoursDeleting(set.orgId(), set.id()));
        sets.delete(set);
    }

    public WorkingHoursRow get(String orgId, String id) {
        return find(orgId, id).orElseThrow(() -> Refusal.notFound("Working hours " + id));
    }

    public java.util.Optional<WorkingHoursRow> find(String orgId, String id) {
        return sets.findByIdAndOrgId(id, orgId);
    }

    /**
     * The set, locked until the caller's transaction ends: what names it takes this lock before it checks the set
     * exists, so that the set cannot be deleted between that check and the commit.
     */
    public java.util.Optional<WorkingHoursRow> lock(String orgId, String id) {
        return sets.lockByIdAndOrgId(id, orgId);
    }

    public List<WorkingHoursRow> list(Caller caller) {
        return sets.listed(caller.orgId());
    }

    public List<Window> windows(WorkingHoursRow row) {
        try {
            return json.readValue(row.windows(), WINDOWS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the instant falls inside one of the set's windows, read in the set's own time zone. */
    public boolean isWithin(WorkingHoursRow row, Instant instant) {
        var local = instant.atZone(ZoneId.of(row.timezone())).toLocalDateTime();
        return windows(row).stream().anyMatch(window -> window.covers(local));
    }

    private static void validate(WorkingHoursState state) {
        // Region ids only: ZoneId.of would also take offsets such as +02:00, which know no daylight saving.
        if (!ZoneId.getAvailableZoneIds().contains(state.timezone())) {
            throw Refusal.invalid(
                    "invalid_timezone",
                    "timezone",
                    state.timezone() + " is not an IANA time zone name such as Europe/London.");
        }
        for (int i = 0; i < state.windows().size(); i++) {
            String problem = state.windows().get(i).problem();
            if (problem != null) {
                throw Refusal.invalid("invalid_window", "windows[" + i + "]", problem + ".");
            }
        }
    }

    private void requireFreeName(String orgId, String name) {
        if (sets.existsByOrgIdAndName(orgId, name)) {
            throw nameConflict(name);
        }
    }

    private static WorkingHoursRow saveGuardingName(Supplier<WorkingHoursRow> save, String name) {
        return NameConflict.guarding(save, "working_hours_name_unique_in_org", WHAT, name);
    }

    private static Refusal nameConflict(String name) {
        return NameConflict.of(WHAT, name);
    }

    private String windowsJson(List<Window> windows) {
        try {
            return json.writeValueAsString(windows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
