package cloud.scaling.escalation;

/** Whom a level pages: whoever is on call in a schedule, or named users. */
public enum TargetType {
    SCHEDULE,
    USERS;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TargetType fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
