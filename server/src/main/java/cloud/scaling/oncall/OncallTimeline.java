package cloud.scaling.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rendered timeline of a schedule, pure: overrides above layers, the override created last above earlier
 * ones, lower layer positions above higher ones. Each entry is (a piece of) one shift of its source: a handoff
 * is always an entry boundary, even between two shifts of the same person.
 *
 * @param layers    in position order, 0 first
 * @param overrides newest first
 */
public record OncallTimeline(List<Rotation> layers, List<Cover> overrides) {

    public OncallTimeline {
        layers = List.copyOf(layers);
        overrides = List.copyOf(overrides);
    }

    /** The timeline over {@code [from, to)}, in time order, without gaps inside an entry nor overlaps. */
    public List<Shift> render(Instant from, Instant to) {
        List<List<Shift>> sources = new ArrayList<>();
        for (Cover cover : overrides) {
            sources.add(
                    cover.end().isAfter(from) && cover.start().isBefore(to)
                            ? List.of(cover.asShift().cut(from, to))
                            : List.of());
        }
        for (Rotation layer : layers) {
            sources.add(layer.shifts(from, to));
        }
        TreeSet<Instant> points = new TreeSet<>();
        for (List<Shift> source : sources) {
            for (Shift shift : source) {
                points.add(shift.start());
                points.add(shift.end());
            }
        }
        int[] cursor = new int[sources.size()];
        List<Shift> out = new ArrayList<>();
        Instant previous = null;
        for (Instant point : points) {
            if (previous != null) {
                Shift winner = winnerAt(sources, cursor, previous);
                if (winner != null) {
                    append(
                            out,
                            new Shift(winner.userId(), previous, point, winner.layerId(), winner.overrideId()),
                            winner);
                }
            }
            previous = point;
        }
        return out;
    }

    /** Who is on call at {@code t}; {@code current} is the entry {@link #render} shows around {@code t}. */
    public Resolution resolve(Instant t) {
        Optional<Shift> override = overrides.stream()
                .filter(cover -> !t.isBefore(cover.start()) && t.isBefore(cover.end()))
                .findFirst()
                .map(Cover::asShift);
        Set<String> targets = new LinkedHashSet<>();
        override.ifPresent(shift -> targets.add(shift.userId()));
        Shift topLayer = null;
        for (Rotation layer : layers) {
            Optional<Shift> shift = layer.shiftAt(t);
            if (shift.isPresent()) {
                if (topLayer == null) {
                    topLayer = shift.get();
                    if (override.isPresent()) {
                        continue; // the override displaces the owner-bearing layer's person
                    }
                }
                targets.add(shift.get().userId());
            }
        }
        Shift whole = override.orElse(topLayer);
        if (whole == null) {
            return new Resolution(t, null, List.of(), null);
        }
        Shift current = render(whole.start(), whole.end()).stream()
                .filter(shift -> shift.contains(t))
                .findFirst()
                .orElseThrow();
        return new Resolution(t, current.userId(), List.copyOf(targets), current);
    }

    private static Shift winnerAt(List<List<Shift>> sources, int[] cursor, Instant t) {
        for (int i = 0; i < sources.size(); i++) {
            List<Shift> source = sources.get(i);
            while (cursor[i] < source.size() && !source.get(cursor[i]).end().isAfter(t)) {
                cursor[i]++;
            }
            if (cursor[i] < source.size() && source.get(cursor[i]).contains(t)) {
                return source.get(cursor[i]);
            }
        }
        return null;
    }

    /** Adds the piece, joining it to the previous entry when both are pieces of the same shift. */
    private static void append(List<Shift> out, Shift piece, Shift of) {
        if (!out.isEmpty()) {
            Shift last = out.get(out.size() - 1);
            if (last.end().equals(piece.start()) && sameShift(last, of)) {
                out.set(
                        out.size() - 1,
                        new Shift(last.userId(), last.start(), piece.end(), last.layerId(), last.overrideId()));
                return;
            }
        }
        out.add(piece);
    }

    private static boolean sameShift(Shift entry, Shift of) {
        return entry.userId().equals(of.userId())
                && Objects.equals(entry.layerId(), of.layerId())
                && Objects.equals(entry.overrideId(), of.overrideId())
                && !entry.start().isBefore(of.start())
                && !entry.end().isAfter(of.end());
    }
}
