package cloud.scaling.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lifecycle as an enum: one next status each, none after resolved. */
class IncidentStatusTest {

    @Test
    void eachStatusHasExactlyTheNextOneInOrder() {
        assertEquals(IncidentStatus.INVESTIGATING, IncidentStatus.INITIAL);
        assertEquals(Optional.of(IncidentStatus.IDENTIFIED), IncidentStatus.INVESTIGATING.next());
        assertEquals(Optional.of(IncidentStatus.MONITORING), IncidentStatus.IDENTIFIED.next());
        assertEquals(Optional.of(IncidentStatus.RESOLVED), IncidentStatus.MONITORING.next());
    }

    @Test
    void resolvedIsTheLastStatus() {
        assertEquals(Optional.empty(), IncidentStatus.RESOLVED.next());
        assertEquals(List.of(), IncidentStatus.RESOLVED.stepsAfter());
        assertTrue(IncidentStatus.RESOLVED.resolved());
        assertFalse(IncidentStatus.MONITORING.resolved());
    }

    @Test
    void stepsAfterLeadToResolved() {
        assertEquals(
                List.of(IncidentStatus.MONITORING, IncidentStatus.RESOLVED), IncidentStatus.IDENTIFIED.stepsAfter());
    }

    @Test
    void aStepThatIsNotTheNextNamesTheAllowedOneInWireSpelling() {
        assertEquals(
                "Cannot move the incident from investigating to resolved. The only allowed next status is identified.",
                IncidentStatuses.invalidTransition(IncidentStatus.INVESTIGATING, IncidentStatus.RESOLVED)
                        .getMessage());
        assertEquals(
                "Cannot move the incident from resolved to resolved. A resolved incident cannot change status.",
                IncidentStatuses.invalidTransition(IncidentStatus.RESOLVED, IncidentStatus.RESOLVED)
                        .getMessage());
    }

    @Test
    void everyDomainConstantHasItsWireTwin() {
        for (IncidentStatus status : IncidentStatus.values()) {
            assertEquals(status, IncidentWire.status(IncidentWire.status(status)));
        }
        for (Visibility visibility : Visibility.values()) {
            assertEquals(visibility, IncidentWire.visibility(IncidentWire.visibility(visibility)));
        }
    }
}
