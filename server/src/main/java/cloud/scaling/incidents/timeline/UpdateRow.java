package cloud.scaling.incidents.timeline;

import cloud.scaling.incidents.IncidentStatus;
import cloud.scaling.incidents.Visibility;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.UUID;

/** An update on an incident's timeline as stored; a redacted update has a null body and redaction fields. */
@MappedEntity("incident_updates")
record UpdateRow(
        @Id UUID id,
        UUID incidentId,
        @Nullable String body,

        @Nullable @MappedProperty(converter = IncidentStatus.Column.class)
        IncidentStatus statusChange,

        @MappedProperty(converter = Visibility.Column.class) Visibility visibility,
        String postedBy,
        Instant postedAt,
        @Nullable Instant redactedAt,
        @Nullable String redactedBy) {}
