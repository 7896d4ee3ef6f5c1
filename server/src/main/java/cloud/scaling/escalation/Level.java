package cloud.scaling.escalation;

import io.micronaut.core.annotation.Nullable;

/** One level as a client asks for it, in either model: whom to page, how long to wait, and when it applies. */
public record Level(
        Target target, int waitSeconds, @Nullable Condition condition) {}
