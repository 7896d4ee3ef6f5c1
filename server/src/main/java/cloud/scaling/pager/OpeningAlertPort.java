package cloud.scaling.pager;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The alert that opened an incident, as a page shows it. Owned by {@code pager} and implemented by {@code alerts},
 * which depends on paging (an alert pages), never the other way round.
 */
public interface OpeningAlertPort {

    /** The opening alert of each of these incidents that an alert opened; one query. */
    Map<UUID, OpeningAlert> of(Collection<UUID> incidentIds);

    /** @param links only well-formed http(s) links: the source chose them, and they become links in HTML */
    record OpeningAlert(Map<String, String> labels, List<PageNotice.Link> links) {}
}
