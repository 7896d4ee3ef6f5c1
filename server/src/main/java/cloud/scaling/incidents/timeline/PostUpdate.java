package cloud.scaling.incidents.timeline;

import cloud.scaling.incidents.IncidentStatus;
import cloud.scaling.incidents.Visibility;
import io.micronaut.core.annotation.Nullable;

/**
 * The command to post on an incident's timeline: a text, a status step, or both. {@code resolutionNote}
 * goes to the status history only (PATCH /status).
 */
public record PostUpdate(
        @Nullable String body,
        @Nullable IncidentStatus statusChange,
        Visibility visibility,
        @Nullable String resolutionNote) {}
