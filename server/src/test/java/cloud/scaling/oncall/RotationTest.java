package cloud.scaling.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rotation rules the spec states, on examples worked out by hand. */
class RotationTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Rotation daily(String handoff, String from, String... participants) {
        return new Rotation(
                "lyr_a", NEW_YORK, LocalTime.parse(handoff), 1, Instant.parse(from), null, List.of(participants));
    }

    @Test
    void firstParticipantFromEffectiveFromThenOnePerRotationAtTheHandoffTime() {
        // 2025-01-01T00:00Z is 2024-12-31 19:00 in New York; weekly handoffs at 09:00 local from 2025-01-07.
        Rotation weekly = new Rotation(
                "lyr_a",
                NEW_YORK,
                LocalTime.of(9, 0),
                7,
                Instant.parse("2025-01-01T00:00:00Z"),
                null,
                List.of("alice", "bob"));
        List<Shift> shifts =
                weekly.shifts(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-21T00:00:00Z"));
        assertEquals(
                List.of(
                        new Shift(
                                "alice",
                                Instant.parse("2025-01-01T00:00:00Z"),
                                Instant.parse("2025-01-07T14:00:00Z"),
                                "lyr_a",
                                null),
                        new Shift(
                                "bob",
                                Instant.parse("2025-01-07T14:00:00Z"),
                                Instant.parse("2025-01-14T14:00:00Z"),
                                "lyr_a",
                                null),
                        new Shift(
                                "alice",
                                Instant.parse("2025-01-14T14:00:00Z"),
                                Instant.parse("2025-01-21T00:00:00Z"),
                                "lyr_a",
                                null)),
                shifts);
    }

    @Test
    void weeklyHandoffKeepsItsWallClockTimeAcrossDaylightSavingTime() {
        Rotation weekly = new Rotation(
                "lyr_a",
                NEW_YORK,
                LocalTime.of(9, 0),
                7,
                Instant.parse("2026-03-02T14:00:00Z"),
                null,
                List.of("alice", "bob"));
        List<Shift> shifts =
                weekly.shifts(Instant.parse("2026-03-02T14:00:00Z"), Instant.parse("2026-03-16T13:00:00Z"));
        // 09:00 EST is 14:00Z; after the 8 March change 09:00 EDT is 13:00Z: that week is an hour shorter.
        assertEquals(Instant.parse("2026-03-09T13:00:00Z"), shifts.get(0).end());
        assertEquals("bob", shifts.get(1).userId());
    }

    @Test
    void aHandoffInsideTheSpringForwardGapHappensAsLateAsTheGapIsLong() {
        Rotation rotation = daily("02:30", "2026-03-06T12:00:00Z", "alice", "bob");
        // 2026-03-08 02:30 does not exist in New York: the handoff is at 03:30 EDT (07:30Z).
        Shift sunday = rotation.shiftAt(Instant.parse("2026-03-08T12:00:00Z")).orElseThrow();
        assertEquals(Instant.parse("2026-03-08T07:30:00Z"), sunday.start());
        assertEquals(Instant.parse("2026-03-09T06:30:00Z"), sunday.end(), "02:30 EDT the next day");
    }

    @Test
    void aHandoffInsideTheFallBackOverlapHappensAtItsFirstOccurrence() {
        Rotation rotation = daily("01:30", "2026-10-30T12:00:00Z", "alice", "bob");
        // 2026-11-01 01:30 happens twice in New York: the handoff is the first, 01:30 EDT (05:30Z).
        Shift sunday = rotation.shiftAt(Instant.parse("2026-11-01T12:00:00Z")).orElseThrow();
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), sunday.start());
        assertEquals(Instant.parse("2026-11-02T06:30:00Z"), sunday.end(), "01:30 EST the next day: 25 hours");
    }

    @Test
    void effectiveUntilEndsTheLayerAndNobodyIsOnCallBeforeEffectiveFrom() {
        Rotation rotation = new Rotation(
                "lyr_a",
                NEW_YORK,
                LocalTime.of(9, 0),
                1,
                Instant.parse("2026-01-05T14:00:00Z"),
                Instant.parse("2026-01-06T20:00:00Z"),
                List.of("alice", "bob"));
        assertTrue(rotation.shiftAt(Instant.parse("2026-01-05T13:59:59Z")).isEmpty());
        assertEquals(
                "bob",
                rotation.shiftAt(Instant.parse("2026-01-06T19:59:59Z"))
                        .orElseThrow()
                        .userId());
        assertEquals(
                Instant.parse("2026-01-06T20:00:00Z"),
                rotation.shiftAt(Instant.parse("2026-01-06T19:00:00Z"))
                        .orElseThrow()
                        .end());
        assertTrue(rotation.shiftAt(Instant.parse("2026-01-06T20:00:00Z")).isEmpty());
    }

    @Test
    void lowerPositionWinsAndAnOverrideBeatsEveryLayer() {
        Rotation primary = new Rotation(
                "lyr_p",
                NEW_YORK,
                LocalTime.of(9, 0),
                7,
                Instant.parse("2026-01-05T14:00:00Z"),
                null,
                List.of("alice", "bob"));
        Rotation secondary = new Rotation(
                "lyr_s",
                NEW_YORK,
                LocalTime.of(9, 0),
                1,
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                List.of("carol"));
        Cover weekend = new Cover(
                "ovr_1", "dave", Instant.parse("2026-01-09T23:00:00Z"), Instant.parse("2026-01-12T14:00:00Z"));
        OncallTimeline timeline = new OncallTimeline(List.of(primary, secondary), List.of(weekend));

        Resolution beforePrimary = timeline.resolve(Instant.parse("2026-01-04T00:00:00Z"));
        assertEquals("carol", beforePrimary.ownerId());
        assertEquals(List.of("carol"), beforePrimary.pagingTargets());

        Resolution weekday = timeline.resolve(Instant.parse("2026-01-07T00:00:00Z"));
        assertEquals("alice", weekday.ownerId());
        assertEquals(List.of("alice", "carol"), weekday.pagingTargets());
        assertEquals("lyr_p", weekday.current().layerId());
        assertEquals(Instant.parse("2026-01-05T14:00:00Z"), weekday.current().start());
        assertEquals(Instant.parse("2026-01-09T23:00:00Z"), weekday.current().end(), "cut by the override");

        Resolution covered = timeline.resolve(Instant.parse("2026-01-10T12:00:00Z"));
        assertEquals("dave", covered.ownerId());
        assertEquals(List.of("dave", "carol"), covered.pagingTargets(), "dave replaces alice, carol still paged");
        assertEquals("ovr_1", covered.current().overrideId());
        assertNull(covered.current().layerId());

        List<Shift> week =
                timeline.render(Instant.parse("2026-01-05T14:00:00Z"), Instant.parse("2026-01-19T14:00:00Z"));
        assertEquals(
                List.of("alice", "dave", "bob"),
                week.stream().map(Shift::userId).toList());
        assertEquals(Instant.parse("2026-01-09T23:00:00Z"), week.get(0).end());
        assertEquals(Instant.parse("2026-01-12T14:00:00Z"), week.get(2).start(), "the override ends at the handoff");
    }

    @Test
    void nobodyOnCallResolvesEmpty() {
        Resolution none = new OncallTimeline(List.of(), List.of()).resolve(Instant.parse("2026-01-01T00:00:00Z"));
        assertNull(none.ownerId());
        assertTrue(none.pagingTargets().isEmpty());
        assertNull(none.current());
    }
}
