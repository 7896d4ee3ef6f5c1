package cloud.scaling.web;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants go on the wire as UTC date-times (the serializer then writes them to the millisecond). */
public final class WireTime {

    private WireTime() {}

    /** {@code instant} at UTC; null stays null (an optional timestamp, such as a key never used). */
    public static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
