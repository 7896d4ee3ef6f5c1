package cloud.scaling.oncall;

import java.time.Instant;

/** The command to put someone on call over {@code [startsAt, endsAt)}. */
public record NewOverride(String userId, Instant startsAt, Instant endsAt) {}
