package cloud.scaling.auth;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

/** A user's role in their organization, stored and written as on the wire ({@code org:admin}). */
public enum Role {
    ADMIN("org:admin"),
    MEMBER("org:member");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Role fromWireName(String wireName) {
        for (Role role : values()) {
            if (role.wireName.equals(wireName)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role " + wireName);
    }

    /** Stores the role in its wire spelling, which the tables' CHECK constraints use too. */
    @Singleton
    public static class Column implements AttributeConverter<Role, String> {

        @Override
        public String convertToPersistedValue(Role role, ConversionContext context) {
            return role == null ? null : role.wireName;
        }

        @Override
        public Role convertToEntityValue(String stored, ConversionContext context) {
            return stored == null ? null : fromWireName(stored);
        }
    }
}
