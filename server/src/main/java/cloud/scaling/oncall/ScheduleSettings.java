package cloud.scaling.oncall;

import io.micronaut.core.annotation.Nullable;

/** A schedule's editable state, from a create or update request. */
public record ScheduleSettings(String name, @Nullable String description, String timezone) {}
