package cloud.scaling.pager;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The alert that opened an incident, as a page shows it. Owned by {@code pager} and implemented by {@code alerts},
 * which depends on paging (an alert pages), never the other way round.
 */
public interface OpeningAlertPort {

    Optional<OpeningAlert> of(UUID incidentId);

    /** @param links only well-formed http(s) links: the source chose them, and they become links in HTML */
    record OpeningAlert(Map<String, String> labels, List<PageNotice.Link> links) {}
}
