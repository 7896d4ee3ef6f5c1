package cloud.scaling.alerts;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The alert that opened an incident, as a responder reads it: its labels and its links (runbook, source, …). */
@Singleton
public class OpeningAlerts {

    private static final Argument<Map<String, String>> STRINGS = Argument.mapOf(String.class, String.class);

    private final AlertRepository alerts;
    private final JsonMapper json;

    public OpeningAlerts(AlertRepository alerts, JsonMapper json) {
        this.alerts = alerts;
        this.json = json;
    }

    /**
     * @param links by the label a person reads ("Runbook"), only those that are http(s) addresses: the source
     *     chose them, and a {@code javascript:} link must not reach a page or an email
     */
    public record OpeningAlert(Map<String, String> labels, Map<String, URI> links) {}

    public Optional<OpeningAlert> of(UUID incidentId) {
        return alerts.ofIncident(incidentId).stream().findFirst().map(alert -> {
            Map<String, URI> links = new LinkedHashMap<>();
            read(alert.links(), Argument.of(AlertLinks.class))
                    .labelled()
                    .forEach((label, href) -> web(href).ifPresent(uri -> links.put(label, uri)));
            return new OpeningAlert(new LinkedHashMap<>(read(alert.attributes(), STRINGS)), links);
        });
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
