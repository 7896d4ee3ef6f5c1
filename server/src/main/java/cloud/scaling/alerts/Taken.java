package cloud.scaling.alerts;

import io.micronaut.core.annotation.Nullable;

/**
 * What became of one alert of a notification: {@code alert} is the stored alert it made or joined (null when it
 * was rejected), {@code paged} whether taking it started paging, else {@code notPagedReason} says why not.
 */
public record Taken(
        int index,
        Result result,
        boolean truncated,
        @Nullable AlertRow alert,
        boolean paged,
        @Nullable String notPagedReason,
        @Nullable String rejectionCode,
        @Nullable String rejectionMessage) {

    /** The spec's AlertIntakeResult.result. */
    public enum Result {
        TAKEN,
        DEDUPLICATED,
        RESOLVED,
        REJECTED
    }

    static final String DEDUPLICATED = "deduplicated";
    static final String RESOLVED = "resolved";
    static final String REJECTED = "rejected";
    static final String NO_ESCALATION_POLICY = "no_escalation_policy";

    /** The recorder's part: the index and the cut are the intake's. */
    record Recorded(
            Result result,
            AlertRow alert,
            boolean paged,
            @Nullable String notPagedReason) {}
}
