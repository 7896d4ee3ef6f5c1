package cloud.scaling.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The rotation maths against its own promises, on random schedules: every IANA zone, handoff times at any
 * minute (also inside DST gaps and overlaps), windows placed around DST transitions, random overrides.
 */
class RotationPropertiesTest {

    private static final List<String> ZONES = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(365L * 50).toSeconds();

    record Case(OncallTimeline timeline, Instant from, Instant to, List<Instant> probes) {}

    @Property(tries = 300)
    void eachLayerTilesItsEffectiveSpanWithoutGapOrOverlap(@ForAll("cases") Case c) {
        for (Rotation layer : c.timeline().layers()) {
            List<Shift> shifts = layer.shifts(c.from(), c.to());
            Instant start = later(c.from(), layer.from());
            Instant end = layer.until() == null || c.to().isBefore(layer.until()) ? c.to() : layer.until();
            if (!start.isBefore(end)) {
                assertTrue(shifts.isEmpty());
                continue;
            }
            assertEquals(start, shifts.get(0).start());
            assertEquals(end, shifts.get(shifts.size() - 1).end());
            for (int i = 0; i < shifts.size(); i++) {
                assertTrue(shifts.get(i).start().isBefore(shifts.get(i).end()), "never empty");
                if (i > 0) {
                    assertEquals(shifts.get(i - 1).end(), shifts.get(i).start(), "no gap, no overlap");
                }
            }
        }
    }

    @Property(tries = 300)
    void theRenderedTimelineIsOrderedDisjointAndResolveAgreesWithIt(@ForAll("cases") Case c) {
        List<Shift> rendered = c.timeline().render(c.from(), c.to());
        for (int i = 0; i < rendered.size(); i++) {
            Shift shift = rendered.get(i);
            assertTrue(shift.start().isBefore(shift.end()));
            assertFalse(shift.start().isBefore(c.from()) || shift.end().isAfter(c.to()));
            if (i > 0) {
                assertFalse(shift.start().isBefore(rendered.get(i - 1).end()), "no overlap");
            }
        }
        for (Instant t : c.probes()) {
            Optional<Shift> containing =
                    rendered.stream().filter(shift -> shift.contains(t)).findFirst();
            Resolution resolution = c.timeline().resolve(t);
            assertEquals(
                    containing,
                    Optional.ofNullable(resolution.current()).map(s -> s.cut(c.from(), c.to())),
                    "resolve(t) is the rendered shift containing t");
            boolean anyLayer = c.timeline().layers().stream()
                    .anyMatch(layer -> layer.shiftAt(t).isPresent());
            boolean anyOverride =
                    c.timeline().overrides().stream().anyMatch(o -> !t.isBefore(o.start()) && t.isBefore(o.end()));
            assertEquals(anyLayer || anyOverride, containing.isPresent(), "a gap only where nothing is in effect");
        }
    }

    @Property(tries = 300)
    void theNewestOverrideContainingTWinsOverEveryLayer(@ForAll("cases") Case c) {
        for (Instant t : c.probes()) {
            Optional<Cover> newest = c.timeline().overrides().stream()
                    .filter(o -> !t.isBefore(o.start()) && t.isBefore(o.end()))
                    .findFirst();
            Resolution resolution = c.timeline().resolve(t);
            newest.ifPresent(cover -> {
                assertEquals(cover.userId(), resolution.ownerId());
                assertEquals(cover.overrideId(), resolution.current().overrideId());
                assertEquals(cover.userId(), resolution.pagingTargets().get(0));
            });
        }
    }

    @Property(tries = 300)
    void aRotationRepeatsEveryParticipantCountTimesLengthDays(@ForAll("cases") Case c, @ForAll("shiftIndexes") long m) {
        for (Rotation layer : c.timeline().layers()) {
            int k = layer.participants().size();
            Instant a = layer.handoff(m);
            Instant b = layer.handoff(m + k);
            if (layer.until() != null || !a.isBefore(layer.handoff(m + 1)) || !b.isBefore(layer.handoff(m + k + 1))) {
                continue; // ended, or a shift a historical zone change swallowed
            }
            assertEquals(
                    layer.shiftAt(a).orElseThrow().userId(),
                    layer.shiftAt(b).orElseThrow().userId());
            if (a.atZone(layer.zone()).toLocalTime().equals(layer.handoffTime())
                    && b.atZone(layer.zone()).toLocalTime().equals(layer.handoffTime())) {
                assertEquals(
                        a.atZone(layer.zone()).toLocalDate().plusDays((long) k * layer.lengthDays()),
                        b.atZone(layer.zone()).toLocalDate(),
                        "same wall-clock handoff, k × n local days later");
            }
        }
    }

    @Provide
    Arbitrary<Long> shiftIndexes() {
        return Arbitraries.longs().between(1, 2000);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
        Arbitrary<Instant> anchors =
                Arbitraries.longs().between(0, SPAN_SECONDS).map(EARLIEST::plusSeconds);
        return Combinators.combine(
                        zones,
                        anchors,
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.longs().between(1, Duration.ofDays(120).toMinutes()),
                        Arbitraries.longs().between(0, Long.MAX_VALUE))
                .as((zone, anchor, layerCount, windowMinutes, seed) ->
                        build(zone, anchor, layerCount, windowMinutes, new java.util.Random(seed)));
    }

    /** A window that starts near a DST transition of the zone when it has one, and layers around it. */
    private static Case build(
            ZoneId zone, Instant anchor, int layerCount, long windowMinutes, java.util.Random random) {
        ZoneOffsetTransition transition = zone.getRules().nextTransition(anchor);
        Instant from = (transition != null && random.nextBoolean()
                        ? transition.getInstant().minus(random.nextInt(20 * 24 * 60), ChronoUnit.MINUTES)
                        : anchor)
                .truncatedTo(ChronoUnit.MILLIS);
        Instant to = from.plus(windowMinutes, ChronoUnit.MINUTES);
        List<Rotation> layers = new ArrayList<>();
        for (int i = 0; i < layerCount; i++) {
            Instant effectiveFrom = from.plus(random.nextInt(2 * 60 * 24 * 90) - 60 * 24 * 90, ChronoUnit.MINUTES);
            Instant until = random.nextInt(3) == 0
                    ? effectiveFrom.plus(1 + random.nextInt(60 * 24 * 120), ChronoUnit.MINUTES)
                    : null;
            List<String> people = new ArrayList<>();
            for (int p = 0, n = 1 + random.nextInt(6); p < n; p++) {
                people.add("user_" + random.nextInt(8));
            }
            int length = switch (random.nextInt(3)) {
                case 0 -> 1;
                case 1 -> 7;
                default -> 1 + random.nextInt(30);
            };
            layers.add(new Rotation(
                    "lyr_" + i,
                    zone,
                    LocalTime.of(random.nextInt(24), random.nextInt(60)),
                    length,
                    effectiveFrom,
                    until,
                    people));
        }
        List<Cover> covers = new ArrayList<>();
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            Instant start = from.plus(random.nextLong(Math.max(1, windowMinutes)), ChronoUnit.MINUTES);
            covers.add(new Cover(
                    "ovr_" + i,
                    "user_" + random.nextInt(8),
                    start,
                    start.plus(1 + random.nextInt(60 * 24 * 5), ChronoUnit.MINUTES)));
        }
        List<Instant> probes = new ArrayList<>();
        long windowMillis = Duration.between(from, to).toMillis();
        for (int i = 0; i < 20; i++) {
            probes.add(from.plusMillis(random.nextLong(windowMillis)));
        }
        layers.forEach(layer -> {
            if (layer.from().isAfter(from) && layer.from().isBefore(to)) {
                probes.add(layer.from()); // exactly on boundaries too
            }
        });
        covers.forEach(cover -> probes.add(cover.start()));
        return new Case(new OncallTimeline(layers, covers), from, to, probes);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
