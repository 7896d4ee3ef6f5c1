package cloud.scaling.pager;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a page tells the person paged, whatever the channel (email, chat): composed once per delivery attempt, then
 * rendered in each channel's own format. Links are absolute, built on the server's public address; the action
 * links carry single-use tokens of this page and are absent when they cannot be offered (no public address).
 *
 * @param why which level of which escalation policy paged, or that the incident was handed off
 * @param labels the opening alert's labels (empty when no alert opened the incident)
 * @param alertLinks the opening alert's links (runbook, source), by their text
 */
public record PageNotice(
        UUID incidentId,
        String title,
        String severity,
        String status,
        @Nullable String description,
        List<String> components,
        String why,
        Map<String, String> labels,
        List<Link> alertLinks,
        @Nullable URI incidentUrl,
        @Nullable URI acknowledgeUrl,
        @Nullable URI resolveUrl) {

    public record Link(String text, URI href) {}
}
