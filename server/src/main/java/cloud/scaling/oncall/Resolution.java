package cloud.scaling.oncall;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/** Who is on call at {@code at}: the owner, everyone to page, and the timeline entry containing {@code at}. */
public record Resolution(
        Instant at,
        @Nullable String ownerId,
        List<String> pagingTargets,
        @Nullable Shift current) {}
