package cloud.scaling.orgs;

import cloud.scaling.auth.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/** A member of one organization. */
@MappedEntity("users")
record UserRow(
        @Id String id,
        String orgId,
        String email,
        @Nullable String firstName,
        @Nullable String lastName,
        @MappedProperty(converter = Role.Column.class) Role role,
        Instant createdAt) {

    /** How the user is shown: the full name when known, else the email address. */
    public String displayName() {
        return Member.of(this).displayName();
    }
}
