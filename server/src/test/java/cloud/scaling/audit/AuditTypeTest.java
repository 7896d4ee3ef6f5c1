package cloud.scaling.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.api.model.AuditEventType;
import cloud.scaling.shared.WireEnum;
import org.junit.jupiter.api.Test;

/** Audit rows keep the spelling they always had: each domain type is stored as its wire value. */
class AuditTypeTest {

    @Test
    void everyAuditTypeIsStoredAsItsWireValue() {
        for (AuditType type : AuditType.values()) {
            assertEquals(
                    WireEnum.translate(type, AuditEventType.class).getValue(),
                    new AuditType.Column().convertToPersistedValue(type, null));
        }
        assertEquals(AuditType.values().length, AuditEventType.values().length);
    }
}
