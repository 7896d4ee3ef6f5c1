package cloud.scaling.pager;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * What the paging engine did, published synchronously inside the transaction that recorded it, so that outbound
 * webhooks are written in the same commit.
 */
public sealed interface PagerEvent {

    String orgId();

    UUID incidentId();

    Instant at();

    /** Nobody acknowledged in time: escalation moved on to {@code level} (a position, 1-based). */
    record Escalated(String orgId, UUID incidentId, String policyId, int level, Instant at) implements PagerEvent {}

    /** {@code userId} was paged on {@code channel}, for an escalation {@code level} or ({@code null}) a handoff. */
    record Paged(
            String orgId,
            UUID incidentId,
            String pageId,
            String userId,
            String channel,
            String reason,
            @Nullable Integer level,
            Instant at)
            implements PagerEvent {}
}
