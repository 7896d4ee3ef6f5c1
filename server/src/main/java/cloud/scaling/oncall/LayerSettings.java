package cloud.scaling.oncall;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** A layer's editable state as the client sent it (both create and replace); the service validates it. */
public record LayerSettings(
        String name,
        RotationType rotationType,
        int rotationLengthDays,
        String handoffTime,
        String effectiveFrom,
        @Nullable String effectiveUntil,
        List<String> participantIds) {}
