package cloud.scaling.oncall;

import java.time.Instant;

/** An override as the maths sees it: {@code userId} is on call over {@code [start, end)} above every layer. */
public record Cover(String overrideId, String userId, Instant start, Instant end) {

    Shift asShift() {
        return new Shift(userId, start, end, null, overrideId);
    }
}
