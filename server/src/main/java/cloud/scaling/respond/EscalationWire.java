package cloud.scaling.respond;

import cloud.scaling.api.model.IncidentEscalation;
import cloud.scaling.incidents.EscalationPort;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/**
 * The incident's escalation and pages as the responder page shows them, read through the escalation port (which
 * answers in the API's types): the page's own values, each field as the page prints it.
 */
@Singleton
class EscalationWire {

    private final EscalationPort port;

    EscalationWire(EscalationPort port) {
        this.port = port;
    }

    /** {@code null} when the incident pages through no policy. */
    @Nullable
    Responder.Escalation escalationOf(UUID incidentId) {
        IncidentEscalation wire = port.escalationOf(incidentId);
        return wire == null
                ? null
                : new Responder.Escalation(
                        String.valueOf(wire.getState()),
                        wire.getLevel(),
                        wire.getPolicyId(),
                        wire.getNextEscalationAt() == null
                                ? null
                                : wire.getNextEscalationAt().toInstant());
    }

    /** Everyone the incident paged, oldest first. */
    List<Responder.Paged> pagesOf(UUID incidentId) {
        return port.pagesOf(incidentId).stream()
                .map(page -> new Responder.Paged(
                        page.getUserId(),
                        page.getLevel(),
                        page.getPagedAt().toInstant(),
                        String.valueOf(page.getChannel()),
                        String.valueOf(page.getStatus())))
                .toList();
    }
}
