package cloud.scaling.components;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ComponentWireTest {

    @Test
    void everyOperationalStatusHasItsWireTwin() {
        for (OperationalStatus status : OperationalStatus.values()) {
            assertEquals(status, ComponentWire.status(ComponentWire.status(status)));
        }
    }
}
