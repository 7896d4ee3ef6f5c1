package cloud.scaling.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.scaling.web.SeverityWire;
import io.micronaut.core.convert.ConversionContext;
import org.junit.jupiter.api.Test;

/** Domain enums are stored in their wire spelling and read back; a stored value no constant has is a clear error. */
class WireEnumTest {

    private final Severity.Column column = new Severity.Column();

    @Test
    void storesTheLowerCaseNameAndReadsItBack() {
        for (Severity severity : Severity.values()) {
            String stored = column.convertToPersistedValue(severity, ConversionContext.DEFAULT);
            assertEquals(severity.name().toLowerCase(java.util.Locale.ROOT), stored);
            assertEquals(severity, column.convertToEntityValue(stored, ConversionContext.DEFAULT));
        }
        assertNull(column.convertToPersistedValue(null, ConversionContext.DEFAULT));
        assertNull(column.convertToEntityValue(null, ConversionContext.DEFAULT));
    }

    @Test
    void anUnknownStoredValueNamesTheEnumAndTheValue() {
        IllegalStateException failure = assertThrows(
                IllegalStateException.class, () -> column.convertToEntityValue("HIGH", ConversionContext.DEFAULT));
        assertEquals("Unknown Severity HIGH", failure.getMessage());
    }

    @Test
    void everySeverityHasItsWireTwin() {
        for (Severity severity : Severity.values()) {
            assertEquals(severity, SeverityWire.domain(SeverityWire.wire(severity)));
            assertEquals(severity.wireName(), SeverityWire.wire(severity).getValue());
        }
    }
}
