package cloud.scaling.escalation;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** A policy's full editable state, as a create or the provider's replacement carries it. */
public record PolicyState(String name, @Nullable String description, List<Level> levels) {}
