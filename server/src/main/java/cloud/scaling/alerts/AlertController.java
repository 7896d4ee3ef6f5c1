package cloud.scaling.alerts;

import static cloud.scaling.web.WireTime.utc;

import cloud.scaling.api.AlertsApi;
import cloud.scaling.api.model.Alert;
import cloud.scaling.api.model.AlertList;
import cloud.scaling.api.model.AlertListResponse;
import cloud.scaling.api.model.AlertPage;
import cloud.scaling.api.model.AlertPageResponse;
import cloud.scaling.api.model.AlertStatus;
import cloud.scaling.api.model.AlertmanagerWebhook;
import cloud.scaling.api.model.GenericAlert;
import cloud.scaling.api.model.GrafanaWebhook;
import cloud.scaling.api.model.RoutingOutcome;
import cloud.scaling.auth.Caller;
import cloud.scaling.auth.CallerContext;
import cloud.scaling.incidents.IncidentService;
import cloud.scaling.paging.CursorCodec;
import cloud.scaling.paging.Page;
import cloud.scaling.paging.PagePosition;
import cloud.scaling.web.ApiException;
import cloud.scaling.web.Problem;
import cloud.scaling.web.SeverityWire;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Alerts in, by format, authenticated by the integration's ingest token (the body is read and checked first, by
 * the framework, then the token here); and the alerts of an incident, by API key.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertController implements AlertsApi {

    private static final String BEARER = "Bearer ";
    private static final Problem MISSING = new Problem(
            HttpStatus.UNAUTHORIZED,
            "missing_authorization_header",
            "Send the integration's ingest token as 'Authorization: Bearer scl_int_...'.");
    private static final Problem INVALID = new Problem(
            HttpStatus.UNAUTHORIZED, "invalid_api_key", "The ingest token is not valid or has been rotated.");
    private static final Argument<Map<String, String>> ATTRIBUTES = Argument.mapOf(String.class, String.class);

    private final IntegrationService integrations;
    private final AlertIntake intake;
    private final AlertRepository alerts;
    private final IncidentService incidents;
    private final CursorCodec cursors;
    private final JsonMapper json;

    public AlertController(
            IntegrationService integrations,
            AlertIntake intake,
            AlertRepository alerts,
            IncidentService incidents,
            CursorCodec cursors,
            JsonMapper json) {
        this.cursors = cursors;
        this.integrations = integrations;
        this.intake = intake;
        this.alerts = alerts;
        this.incidents = incidents;
        this.json = json;
    }

    @Override
    public HttpResponse<AlertListResponse> ingestGenericAlert(GenericAlert body) {
        Map<String, String> attributes = AlertAttributes.checked(body.getAttributes(), "attributes");
        IncomingAlert alert = new IncomingAlert(
                body.getDedupKey(),
                body.getTitle(),
                SeverityWire.domain(body.getSeverity()),
                body.getStatus() != AlertStatus.ALERT_RESOLVED,
                attributes);
        return accepted(intake.take(integration(), List.of(alert)));
    }

    @Override
    public HttpResponse<AlertListResponse> ingestAlertmanagerAlerts(AlertmanagerWebhook body) {
        return acceptedLabelled(body.getAlerts().stream()
                .map(alert -> new Labelled(
                        alert.getStatus(), alert.getLabels(), alert.getAnnotations(), alert.getFingerprint()))
                .toList());
    }

    /** Grafana's payload is Alertmanager's with additions nobody needs for routing: the same mapping. */
    @Override
    public HttpResponse<AlertListResponse> ingestGrafanaAlerts(GrafanaWebhook body) {
        return acceptedLabelled(body.getAlerts().stream()
                .map(alert -> new Labelled(
                        alert.getStatus(), alert.getLabels(), alert.getAnnotations(), alert.getFingerprint()))
                .toList());
    }

    @Override
    public HttpResponse<AlertListResponse> listIncidentAlerts(UUID id) {
        UUID incidentId = incidents.get(CallerContext.current(), id).id();
        return HttpResponse.ok(new AlertListResponse(new AlertList(
                alerts.ofIncident(incidentId).stream().map(this::alert).toList())));
    }

    @Override
    public HttpResponse<AlertPageResponse> listIntegrationAlerts(
            String integrationId, Integer limit, @Nullable String cursor) {
        Caller caller = CallerContext.current();
        String listed = integrations.get(caller, integrationId).id();
        String list = "alerts:" + listed;
        List<AlertRow> rows = cursor == null
                ? alerts.newestOf(listed, limit + 1)
                : olderThan(listed, cursors.decode(list, caller.orgId(), cursor), limit + 1);
        Page<Alert> page = Page.of(
                        rows,
                        limit,
                        row -> new PagePosition(row.receivedAt(), row.id()),
                        position -> cursors.encode(list, caller.orgId(), position))
                .map(this::alert);
        return HttpResponse.ok(new AlertPageResponse(new AlertPage(page.items(), page.nextCursor())));
    }

    private List<AlertRow> olderThan(String integrationId, PagePosition position, int limit) {
        return alerts.olderOf(integrationId, position.createdAt(), position.id(), limit);
    }

    /** An alert in Alertmanager's shape (Grafana's too): labels are the attributes, the fingerprint the key. */
    private record Labelled(
            AlertStatus status,
            Map<String, String> labels,
            @Nullable Map<String, String> annotations,
            String fingerprint) {}

    private HttpResponse<AlertListResponse> acceptedLabelled(List<Labelled> received) {
        List<IncomingAlert> delivery = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            Labelled alert = received.get(i);
            String field = "alerts[" + i + "]";
            Map<String, String> labels = AlertAttributes.checked(alert.labels(), field + ".labels");
            Map<String, String> annotations = AlertAttributes.checked(alert.annotations(), field + ".annotations");
            delivery.add(new IncomingAlert(
                    alert.fingerprint(),
                    AlertAttributes.title(annotations, labels, alert.fingerprint()),
                    AlertAttributes.alertmanagerSeverity(labels.get("severity")),
                    alert.status() != AlertStatus.ALERT_RESOLVED,
                    labels));
        }
        return accepted(intake.take(integration(), delivery));
    }

    /** The integration whose ingest token the request carries; a 401 otherwise. */
    private IntegrationRow integration() {
        String header = ServerRequestContext.currentRequest()
                .map(request -> request.getHeaders().get(HttpHeaders.AUTHORIZATION))
                .orElse(null);
        if (header == null || !header.startsWith(BEARER)) {
            throw new ApiException(MISSING);
        }
        return integrations
                .authenticate(header.substring(BEARER.length()))
                .orElseThrow(() -> new ApiException(INVALID));
    }

    private HttpResponse<AlertListResponse> accepted(List<AlertRow> stored) {
        return HttpResponse.status(HttpStatus.ACCEPTED)
                .body(new AlertListResponse(
                        new AlertList(stored.stream().map(this::alert).toList())));
    }

    private Alert alert(AlertRow row) {
        return new Alert(
                row.id(),
                row.integrationId(),
                row.dedupKey(),
                row.title(),
                SeverityWire.wire(row.severity()),
                AlertStatus.fromValue(row.status()),
                attributes(row),
                row.routingPolicyId(),
                RoutingOutcome.fromValue(row.outcome()),
                row.incidentId(),
                row.deliveries(),
                utc(row.receivedAt()),
                row.resolvedAt() == null ? null : utc(row.resolvedAt()));
    }

    private Map<String, String> attributes(AlertRow row) {
        try {
            return new LinkedHashMap<>(json.readValue(row.attributes(), ATTRIBUTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
