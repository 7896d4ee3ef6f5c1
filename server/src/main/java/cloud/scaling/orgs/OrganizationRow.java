package cloud.scaling.orgs;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("organizations")
record OrganizationRow(@Id String id, String name, Instant createdAt) {}
