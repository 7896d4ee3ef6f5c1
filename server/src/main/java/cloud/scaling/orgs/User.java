package cloud.scaling.orgs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A member of one organization. {@code role} holds the wire name, {@code org:admin} or {@code org:member}. */
@MappedEntity("users")
public record User(
        @Id String id,
        String orgId,
        String email,
        @Nullable String firstName,
        @Nullable String lastName,
        String role,
        Instant createdAt) {

    /** How the user is shown: the full name when known, else the email address. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? email : name;
    }
}
