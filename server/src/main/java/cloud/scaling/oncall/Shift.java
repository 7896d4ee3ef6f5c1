package cloud.scaling.oncall;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** Someone on call over {@code [start, end)}, from a layer or from an override (exactly one id is set). */
public record Shift(
        String userId,
        Instant start,
        Instant end,
        @Nullable String layerId,
        @Nullable String overrideId) {

    boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    Shift cut(Instant from, Instant to) {
        return new Shift(userId, start.isBefore(from) ? from : start, end.isAfter(to) ? to : end, layerId, overrideId);
    }
}
