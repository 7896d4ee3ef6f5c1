package cloud.scaling.pager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.api.model.Page;
import cloud.scaling.incidents.EscalationPort;
import cloud.scaling.incidents.IncidentWire;
import cloud.scaling.shared.WireEnum;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The escalation port spells the paging side's states as stored, and {@code IncidentWire} reads them as the spec's
 * enums: every state, reason and status must have its twin there, or showing an incident would fail.
 */
class EscalationPortWireTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void everyEscalationStateHasItsWireTwin() {
        for (EscalationState state : EscalationState.values()) {
            EscalationPort.Escalation escalation =
                    new EscalationPort.Escalation("ep_1", WireEnum.wire(state), 1, NOW, null);
            assertEquals(
                    WireEnum.wire(state),
                    IncidentWire.escalation(escalation).getState().getValue());
        }
    }

    @Test
    void everyPageReasonAndStatusHasItsWireTwin() {
        for (PageReason reason : PageReason.values()) {
            for (PageStatus status : PageStatus.values()) {
                Page page = IncidentWire.pages(List.of(new EscalationPort.Paged(
                                "pg_1",
                                "usr_1",
                                PageRow.EMAIL,
                                WireEnum.wire(reason),
                                1,
                                NOW,
                                WireEnum.wire(status),
                                List.of(new EscalationPort.Attempt(NOW, "delivered", null)))))
                        .get(0);
                assertEquals(WireEnum.wire(reason), page.getReason().getValue());
                assertEquals(WireEnum.wire(status), page.getStatus().getValue());
            }
        }
    }
}
