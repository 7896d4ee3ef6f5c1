package cloud.scaling.oncall;

import cloud.scaling.auth.Caller;
import cloud.scaling.orgs.Membership;
import cloud.scaling.shared.Refusal;
import cloud.scaling.web.NameConflict;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Schedules, their layers and overrides, always within the caller's organization. Layer changes take the
 * schedule's row lock, so positions stay 0, 1, 2, … however requests race.
 */
@Singleton
public class OncallService {

    private static final String WHAT = "on-call schedule";
    private static final String UNIQUE_NAME = "oncall_schedules_name_unique_in_org";

    private final ScheduleRepository schedules;
    private final LayerRepository layers;
    private final ParticipantRepository participants;
    private final OverrideRepository overrides;
    private final Membership members;
    private final ApplicationEventPublisher<ScheduleDeleting> deleting;
    private final Clock clock;

    public OncallService(
            ScheduleRepository schedules,
            LayerRepository layers,
            ParticipantRepository participants,
            OverrideRepository overrides,
            Membership members,
            ApplicationEventPublisher<ScheduleDeleting> deleting,
            Clock clock) {
        this.schedules = schedules;
        this.layers = layers;
        this.participants = participants;
        this.overrides = overrides;
        this.members = members;
        this.deleting = deleting;
        this.clock = clock;
    }

    @Transactional
    public ScheduleRow create(Caller caller, ScheduleSettings settings) {
        requireZone(settings.timezone());
        requireFreeName(caller.orgId(), settings.name());
        Instant now = now();
        ScheduleRow row = new ScheduleRow(
                SortableIds.next("sch", now.toEpochMilli()),
                caller.orgId(),
                settings.name(),
                settings.description(),
                settings.timezone(),
                caller.userId(),
                now,
                now);
        return NameConflict.guarding(() -> schedules.save(row), UNIQUE_NAME, WHAT, settings.name());
    }

    @Transactional
    public ScheduleRow update(Caller caller, String id, ScheduleSettings settings) {
        ScheduleRow current = get(caller, id);
        requireZone(settings.timezone());
        if (!current.name().equals(settings.name())) {
            requireFreeName(caller.orgId(), settings.name());
        }
        ScheduleRow changed = new ScheduleRow(
                current.id(),
                current.orgId(),
                settings.name(),
                settings.description(),
                settings.timezone(),
                current.createdBy(),
                current.createdAt(),
                now());
        return NameConflict.guarding(() -> schedules.update(changed), UNIQUE_NAME, WHAT, settings.name());
    }

    /** Deletes the schedule with its layers and overrides (the database cascades); others may veto first. */
    @Transactional
    public void delete(Caller caller, String id) {
        ScheduleRow schedule = lock(caller, id);
        deleting.publishEvent(new ScheduleDeleting(caller.orgId(), schedule.id()));
        schedules.delete(schedule);
    }

    public ScheduleRow get(Caller caller, String id) {
        return schedules
                .findByIdAndOrgId(id, caller.orgId())
                .orElseThrow(() -> Refusal.notFound("On-call schedule " + id));
    }

    public List<ScheduleRow> list(Caller caller) {
        return schedules.listOf(caller.orgId());
    }

    /** The schedule's layers in position order, each with its participants. */
    public List<LayerView> layersOf(ScheduleRow schedule) {
        List<LayerRow> rows = layers.listOf(schedule.id());
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> byLayer = participants
                .ofLayers(rows.stream().map(LayerRow::id).toList())
                .stream()
                .collect(Collectors.groupingBy(
                        ParticipantRow::layerId,
                        LinkedHashMap::new,
                        Collectors.mapping(ParticipantRow::userId, Collectors.toList())));
        return rows.stream()
                .map(row -> new LayerView(row, byLayer.getOrDefault(row.id(), List.of())))
                .toList();
    }

    @Transactional
    public LayerView addLayer(Caller caller, String scheduleId, LayerSettings settings) {
        ScheduleRow schedule = lock(caller, scheduleId);
        Window effective = validate(caller, settings);
        Instant now = now();
        LayerRow row = layers.save(new LayerRow(
                SortableIds.next("lyr", now.toEpochMilli()),
                schedule.id(),
                settings.name(),
                layers.listOf(schedule.id()).size(),
                settings.rotationType().wireName(),
                settings.rotationLengthDays(),
                settings.handoffTime(),
                settings.effectiveFrom(),
                effective.from(),
                settings.effectiveUntil(),
                effective.until(),
                now,
                now));
        return new LayerView(row, saveParticipants(row.id(), settings.participantIds()));
    }

    @Transactional
    public LayerView replaceLayer(Caller caller, String scheduleId, String layerId, LayerSettings settings) {
        ScheduleRow schedule = lock(caller, scheduleId);
        LayerRow current = layer(schedule, layerId);
        Window effective = validate(caller, settings);
        LayerRow row = layers.update(new LayerRow(
                current.id(),
                current.scheduleId(),
                settings.name(),
                current.layerPosition(),
                settings.rotationType().wireName(),
                settings.rotationLengthDays(),
                settings.handoffTime(),
                settings.effectiveFrom(),
                effective.from(),
                settings.effectiveUntil(),
                effective.until(),
                current.createdAt(),
                now()));
        participants.clear(row.id());
        return new LayerView(row, saveParticipants(row.id(), settings.participantIds()));
    }

    /** Removes the layer; the ones after it move up, so positions stay dense. */
    @Transactional
    public void removeLayer(Caller caller, String scheduleId, String layerId) {
        ScheduleRow schedule = lock(caller, scheduleId);
        LayerRow doomed = layer(schedule, layerId);
        layers.delete(doomed);
        renumber(layers.listOf(schedule.id()).stream().map(LayerRow::id).toList());
    }

    @Transactional
    public ScheduleRow reorder(Caller caller, String scheduleId, List<String> layerIds) {
        ScheduleRow schedule = lock(caller, scheduleId);
        Set<String> existing =
                layers.listOf(schedule.id()).stream().map(LayerRow::id).collect(Collectors.toSet());
        if (layerIds.size() != existing.size() || !existing.equals(new HashSet<>(layerIds))) {
            throw Refusal.badRequest(
                    "invalid_layer_order",
                    "layerIds must list each of the schedule's " + existing.size() + " layers exactly once.");
        }
        renumber(layerIds);
        return schedule;
    }

    @Transactional
    public OverrideRow addOverride(Caller caller, String scheduleId, NewOverride command) {
        ScheduleRow schedule = get(caller, scheduleId);
        if (!command.endsAt().isAfter(command.startsAt())) {
            throw Refusal.invalid("invalid_date_range", "endsAt", "must be after startsAt.");
        }
        // Locked until the commit, like a layer's participants: a removal takes the member out of overrides too.
        if (!members.lockMember(command.userId(), caller.orgId())) {
            throw Refusal.badRequest(
                    "invalid_user_id", "userId " + command.userId() + " is not a user of this organization.");
        }
        Instant now = now();
        return overrides.save(new OverrideRow(
                SortableIds.next("ovr", now.toEpochMilli()),
                schedule.id(),
                command.userId(),
                millis(command.startsAt()),
                millis(command.endsAt()),
                caller.userId(),
                now));
    }

    /** Every override of the schedule, past ones included. */
    public List<OverrideRow> overridesOf(Caller caller, String scheduleId) {
        return overrides.listOf(get(caller, scheduleId).id());
    }

    @Transactional
    public void removeOverride(Caller caller, String scheduleId, String overrideId) {
        ScheduleRow schedule = get(caller, scheduleId);
        overrides.delete(overrides
                .findByIdAndScheduleId(overrideId, schedule.id())
                .orElseThrow(() -> Refusal.notFound("Override " + overrideId)));
    }

    private ScheduleRow lock(Caller caller, String id) {
        return schedules.lock(id, caller.orgId()).orElseThrow(() -> Refusal.notFound("On-call schedule " + id));
    }

    private LayerRow layer(ScheduleRow schedule, String layerId) {
        return layers.findByIdAndScheduleId(layerId, schedule.id())
                .orElseThrow(() -> Refusal.notFound("Layer " + layerId));
    }

    /** Two passes, so that the unique (schedule, position) constraint holds after every single update. */
    private void renumber(List<String> orderedIds) {
        for (int i = 0; i < orderedIds.size(); i++) {
            layers.setPosition(orderedIds.get(i), -1 - i);
        }
        for (int i = 0; i < orderedIds.size(); i++) {
            layers.setPosition(orderedIds.get(i), i);
        }
    }

    private List<String> saveParticipants(String layerId, List<String> userIds) {
        for (int i = 0; i < userIds.size(); i++) {
            participants.add(layerId, i, userIds.get(i));
        }
        return List.copyOf(userIds);
    }

    private record Window(Instant from, Instant until) {}

    private Window validate(Caller caller, LayerSettings settings) {
        if (!settings.rotationType().fits(settings.rotationLengthDays())) {
            throw Refusal.invalid(
                    "invalid_rotation_length",
                    "rotationLengthDays",
                    "a " + settings.rotationType().wireName() + " rotation lasts "
                            + settings.rotationType().rule() + " day(s).");
        }
        LocalTime.parse(settings.handoffTime()); // the spec's pattern admits only valid times
        Instant from = instant("effectiveFrom", settings.effectiveFrom());
        Instant until = settings.effectiveUntil() == null ? null : instant("effectiveUntil", settings.effectiveUntil());
        if (until != null && !until.isAfter(from)) {
            throw Refusal.invalid("invalid_date_range", "effectiveUntil", "must be after effectiveFrom.");
        }
        // The named members, in one query, locked until the commit: a removal under way (which takes the member
        // out of every rotation) is waited for, and one that comes later sees this layer.
        Set<String> known = settings.participantIds().isEmpty()
                ? Set.of()
                : Set.copyOf(members.lockMembersAmong(new TreeSet<>(settings.participantIds()), caller.orgId()));
        List<String> unknown = new ArrayList<>(settings.participantIds());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw Refusal.badRequest(
                    "invalid_participant_id",
                    "participantIds: " + unknown.get(0) + " is not a user of this organization.");
        }
        return new Window(from, until);
    }

    private static Instant instant(String field, String text) {
        try {
            return millis(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException malformed) {
            throw Refusal.invalid(
                    "invalid_format",
                    field,
                    "must be an ISO-8601 date-time with an offset, such as 2025-01-01T00:00:00Z.");
        }
    }

    static void requireZone(String timezone) {
        if (!ZoneId.getAvailableZoneIds().contains(timezone)) {
            throw Refusal.invalid(
                    "invalid_timezone",
                    "timezone",
                    timezone + " is not an IANA timezone name (such as America/New_York).");
        }
    }

    private void requireFreeName(String orgId, String name) {
        if (schedules.existsByOrgIdAndName(orgId, name)) {
            throw NameConflict.of(WHAT, name);
        }
    }

    private Instant now() {
        return millis(clock.instant());
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
