package cloud.scaling.alerts;

import cloud.scaling.pager.OpeningAlertPort;
import cloud.scaling.pager.PageNotice;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The alert that opened an incident, as a responder reads it: its labels and its links (runbook, source, …). */
@Singleton
class OpeningAlerts implements OpeningAlertPort {

    private static final Argument<Map<String, String>> STRINGS = Argument.mapOf(String.class, String.class);

    private final AlertRepository alerts;
    private final JsonMapper json;

    OpeningAlerts(AlertRepository alerts, JsonMapper json) {
        this.alerts = alerts;
        this.json = json;
    }

    /** Only http(s) links are kept: the source chose them, and a {@code javascript:} link must not become a link. */
    @Override
    public Map<UUID, OpeningAlert> of(Collection<UUID> incidentIds) {
        Map<UUID, OpeningAlert> opening = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return opening;
        }
        for (AlertRow alert : alerts.firstOfIncidents(incidentIds)) {
            List<PageNotice.Link> links = new ArrayList<>();
            read(alert.links(), Argument.of(AlertLinks.class))
                    .labelled()
                    .forEach((label, href) -> web(href).ifPresent(uri -> links.add(new PageNotice.Link(label, uri))));
            opening.put(
                    alert.incidentId(),
                    new OpeningAlert(new LinkedHashMap<>(read(alert.attributes(), STRINGS)), links));
        }
        return opening;
    }

    private static Optional<URI> web(String href) {
        try {
            URI uri = new URI(href);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    ? Optional.of(uri)
                    : Optional.empty();
        } catch (java.net.URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    private <T> T read(String stored, Argument<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
