package cloud.scaling.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * What an audit event changed, in the form stored in {@code incident_events.details}: our own record rather than
 * the spec's model, so a change of the spec cannot silently change what stored rows mean. Statuses are their stored
 * spelling. Fields that do not apply are null and not written.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditDetails(
        @Nullable String previousStatus,
        @Nullable String status,
        @Nullable UUID updateId,
        @Nullable String previousOwnerId,
        @Nullable String ownerId,
        @Nullable List<String> componentIds,
        @Nullable String channel) {

    /** For events whose type says everything: created, acknowledged. */
    public static final AuditDetails NONE = new AuditDetails(null, null, null, null, null, null, null);

    public static AuditDetails statusChanged(String previousStatus, String status, UUID updateId) {
        return new AuditDetails(previousStatus, status, updateId, null, null, null, null);
    }

    /** An update posted or redacted. */
    public static AuditDetails ofUpdate(UUID updateId) {
        return new AuditDetails(null, null, updateId, null, null, null, null);
    }

    public static AuditDetails handedOff(@Nullable String previousOwnerId, String ownerId) {
        return new AuditDetails(null, null, null, previousOwnerId, ownerId, null, null);
    }

    public static AuditDetails componentsChanged(List<String> componentIds) {
        return new AuditDetails(null, null, null, null, null, List.copyOf(componentIds), null);
    }

    /** These details, saying the change was made through {@code channel} (null: through the API). */
    AuditDetails through(@Nullable String channel) {
        return new AuditDetails(previousStatus, status, updateId, previousOwnerId, ownerId, componentIds, channel);
    }
}
