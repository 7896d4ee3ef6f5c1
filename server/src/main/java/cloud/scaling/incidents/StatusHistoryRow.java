package cloud.scaling.incidents;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("incident_status_history")
public record StatusHistoryRow(
        @Id UUID id,
        UUID incidentId,

        @MappedProperty(converter = IncidentStatus.Column.class)
        IncidentStatus status,

        Instant changedAt,
        @Nullable String resolutionNote) {}
