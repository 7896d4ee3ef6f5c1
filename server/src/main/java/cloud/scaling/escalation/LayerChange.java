package cloud.scaling.escalation;

import io.micronaut.core.annotation.Nullable;

/** A docs-model PATCH of one layer: each field null when it is to stay as it is. */
public record LayerChange(
        @Nullable Integer position,
        @Nullable Integer waitSeconds,
        @Nullable Target target) {}
