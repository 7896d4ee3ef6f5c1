package cloud.scaling.oncall;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One rotation layer as the maths sees it. Shift {@code m} (from 0) belongs to participant {@code m mod k};
 * it starts at handoff {@code m} and ends at handoff {@code m + 1}, where handoff 0 is {@code from} and handoff
 * {@code m >= 1} is {@code handoffTime} on the local date of {@code from} plus {@code m * lengthDays} days, in
 * {@code zone}. A wall-clock time inside a DST gap moves forward by the gap's length, one inside an overlap is
 * its first occurrence ({@link ZonedDateTime#of}'s rules). The layer covers nothing outside
 * {@code [from, until)} and nothing at all without participants.
 */
public record Rotation(
        String layerId,
        ZoneId zone,
        LocalTime handoffTime,
        int lengthDays,
        Instant from,
        @Nullable Instant until,
        List<String> participants) {

    public Rotation {
        if (lengthDays < 1) {
            throw new IllegalArgumentException("lengthDays must be at least 1");
        }
        participants = List.copyOf(participants);
    }

    /** The layer's shifts that overlap {@code [windowStart, windowEnd)}, cut to it, in time order. */
    public List<Shift> shifts(Instant windowStart, Instant windowEnd) {
        List<Shift> out = new ArrayList<>();
        Instant start = later(windowStart, from);
        Instant end = until == null || windowEnd.isBefore(until) ? windowEnd : until;
        if (participants.isEmpty() || !start.isBefore(end)) {
            return out;
        }
        long m = indexAt(start);
        Instant begins = handoff(m);
        while (begins.isBefore(end)) {
            Instant ends = handoff(m + 1);
            Instant pieceStart = later(begins, start);
            Instant pieceEnd = ends.isBefore(end) ? ends : end;
            if (pieceStart.isBefore(pieceEnd)) {
                out.add(new Shift(participant(m), pieceStart, pieceEnd, layerId, null));
            }
            begins = ends;
            m++;
        }
        return out;
    }

    /** The whole (uncut) shift of this layer that contains {@code t}, if the layer puts anyone on call then. */
    public Optional<Shift> shiftAt(Instant t) {
        if (participants.isEmpty() || t.isBefore(from) || (until != null && !t.isBefore(until))) {
            return Optional.empty();
        }
        long m = indexAt(t);
        Instant ends = handoff(m + 1);
        return Optional.of(new Shift(
                participant(m), handoff(m), until != null && until.isBefore(ends) ? until : ends, layerId, null));
    }

    /** The index of the shift containing {@code t} ({@code t >= from}). */
    long indexAt(Instant t) {
        long days = ChronoUnit.DAYS.between(startDate(), t.atZone(zone).toLocalDate());
        long m = Math.max(0, Math.floorDiv(days, lengthDays));
        while (m > 0 && handoff(m).isAfter(t)) {
            m--;
        }
        while (!handoff(m + 1).isAfter(t)) {
            m++;
        }
        return m;
    }

    /** Handoff {@code m}; never before {@code from}, so that odd historical zone changes cannot run time back. */
    Instant handoff(long m) {
        if (m == 0) {
            return from;
        }
        Instant at = ZonedDateTime.of(startDate().plusDays(m * lengthDays), handoffTime, zone)
                .toInstant();
        return later(at, from);
    }

    private LocalDate startDate() {
        return from.atZone(zone).toLocalDate();
    }

    private String participant(long m) {
        return participants.get((int) Math.floorMod(m, (long) participants.size()));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
