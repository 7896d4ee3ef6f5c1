package cloud.scaling.oncall;

import cloud.scaling.shared.Refusal;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Reads a schedule from the database (three queries) and hands it to the pure {@link OncallTimeline}: the
 * rendered shifts of a window, who is on call at an instant, and the owner an incident gets from a schedule.
 */
@Singleton
public class WhoIsOnCall {

    static final Duration LONGEST_WINDOW = Duration.ofDays(366);

    private final OncallService service;
    private final ScheduleRepository schedules;
    private final OverrideRepository overrides;

    public WhoIsOnCall(OncallService service, ScheduleRepository schedules, OverrideRepository overrides) {
        this.service = service;
        this.schedules = schedules;
        this.overrides = overrides;
    }

    @Transactional(readOnly = true)
    public List<Shift> shifts(ScheduleRow schedule, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw Refusal.invalid("invalid_date_range", "to", "must be after from.");
        }
        if (Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
            throw Refusal.invalid("window_too_large", "to", "the window from from to to is at most 366 days.");
        }
        return timeline(schedule, from, to).render(from, to);
    }

    @Transactional(readOnly = true)
    public Resolution resolve(ScheduleRow schedule, Instant at) {
        // The entry around `at` can only reach as far as the shift containing it: a rotation is at most 366 days.
        return timeline(schedule, at.minus(LONGEST_WINDOW), at.plus(LONGEST_WINDOW))
                .resolve(at);
    }

    /**
     * The owner of the organization's schedule at {@code at} (empty when nobody is on call); an unknown or
     * foreign schedule answers {@code 404 not_found}. Runs in the caller's transaction (an incident's creation).
     */
    public Optional<String> ownerAt(String orgId, String scheduleId, Instant at) {
        ScheduleRow schedule = schedules
                .findByIdAndOrgId(scheduleId, orgId)
                .orElseThrow(() -> Refusal.notFound("On-call schedule " + scheduleId));
        return Optional.ofNullable(resolve(schedule, at).ownerId());
    }

    /** Everyone to page from the organization's schedule at {@code at}; nobody when the schedule is gone. */
    @Transactional(readOnly = true)
    public List<String> pagingTargetsAt(String orgId, String scheduleId, Instant at) {
        return schedules
                .findByIdAndOrgId(scheduleId, orgId)
                .map(schedule -> resolve(schedule, at).pagingTargets())
                .orElse(List.of());
    }

    private OncallTimeline timeline(ScheduleRow schedule, Instant from, Instant to) {
        ZoneId zone = ZoneId.of(schedule.timezone());
        List<Rotation> rotations = service.layersOf(schedule).stream()
                .map(layer -> rotation(layer, zone))
                .toList();
        List<Cover> covers = overrides.overlapping(schedule.id(), from, to).stream()
                .map(row -> new Cover(row.id(), row.userId(), row.startsAt(), row.endsAt()))
                .toList();
        return new OncallTimeline(rotations, covers);
    }

    static Rotation rotation(LayerView layer, ZoneId zone) {
        LayerRow row = layer.row();
        return new Rotation(
                row.id(),
                zone,
                LocalTime.parse(row.handoffTime()),
                row.rotationLengthDays(),
                row.effectiveFromAt(),
                row.effectiveUntilAt(),
                layer.participantIds());
    }
}
