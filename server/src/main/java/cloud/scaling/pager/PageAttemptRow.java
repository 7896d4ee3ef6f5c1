package cloud.scaling.pager;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One try to deliver a page: {@code result} is {@code delivered} or {@code failed} (then {@code error} says why). */
@MappedEntity("page_attempts")
record PageAttemptRow(
        @Id UUID id,
        String pageId,
        Instant attemptedAt,
        String result,
        @Nullable String error) {}
