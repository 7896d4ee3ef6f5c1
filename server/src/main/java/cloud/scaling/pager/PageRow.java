package cloud.scaling.pager;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * One person paged on one channel, and how its delivery stands: {@code email} to their address, or {@code slack}
 * / {@code teams} to the contact method {@code contactMethodId}.
 */
@MappedEntity("pages")
record PageRow(
        @Id String id,
        String orgId,
        UUID incidentId,
        String userId,
        String channel,
        @MappedProperty(converter = PageReason.Column.class) PageReason reason,
        @Nullable Integer level,
        Instant pagedAt,
        @MappedProperty(converter = PageStatus.Column.class) PageStatus status,
        int attempts,
        @Nullable String contactMethodId) {

    static final String EMAIL = "email";
    static final String SLACK = "slack";
    static final String TEAMS = "teams";
}
