package cloud.scaling.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

/**
 * How bad an incident (or the alert that opens it) is; shared by incidents, alerts and routing rules. Written as
 * its wire spelling in columns and in stored JSON (routing rules).
 */
@Serdeable
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    @JsonValue
    public String wireName() {
        return WireEnum.wire(this);
    }

    @JsonCreator
    public static Severity of(String wireName) {
        return WireEnum.parse(Severity.class, wireName);
    }

    @Singleton
    public static class Column extends WireEnum<Severity> {
        Column() {
            super(Severity.class);
        }
    }
}
