package cloud.scaling.incidents.timeline;

import io.micronaut.core.annotation.Nullable;

/**
 * The command to post on an incident's timeline: a text, a status step, or both. {@code resolutionNote}
 * goes to the status history only (PATCH /status).
 */
public record PostUpdate(
        @Nullable String body,
        @Nullable String statusChange,
        String visibility,
        @Nullable String resolutionNote) {

    public static final String INTERNAL = "internal";
    public static final String PUBLIC = "public";
}
