package cloud.scaling.alerts;

import static cloud.scaling.web.WireTime.utc;

import cloud.scaling.api.AlertsApi;
import cloud.scaling.api.model.Alert;
import cloud.scaling.api.model.AlertIntakeOutcome;
import cloud.scaling.api.model.AlertIntakeResult;
import cloud.scaling.api.model.AlertList;
import cloud.scaling.api.model.AlertListResponse;
import cloud.scaling.api.model.AlertPage;
import cloud.scaling.api.model.AlertPageResponse;
import cloud.scaling.api.model.AlertRejection;
import cloud.scaling.api.model.AlertRejectionPage;
import cloud.scaling.api.model.AlertRejectionPageResponse;
import cloud.scaling.api.model.AlertStatus;
import cloud.scaling.api.model.AlertmanagerWebhook;
import cloud.scaling.api.model.GenericAlert;
import cloud.scaling.api.model.GrafanaWebhook;
import cloud.scaling.api.model.IntegrationType;
import cloud.scaling.api.model.RoutingOutcome;
import cloud.scaling.auth.ApiKeys;
import cloud.scaling.auth.Caller;
import cloud.scaling.auth.CallerContext;
import cloud.scaling.incidents.IncidentService;
import cloud.scaling.pagination.CursorCodec;
import cloud.scaling.pagination.CursorPosition;
import cloud.scaling.pagination.ResultPage;
import cloud.scaling.telemetry.RequestTelemetry;
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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Alerts in, by format, authenticated by the ingest token of an integration of that format (the body is read and
 * checked first, by the framework, then the token here); the alerts of an incident and the rejected alerts of an
 * integration, by API key.
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
    private static final Problem API_KEY = new Problem(
            HttpStatus.UNAUTHORIZED,
            "wrong_credential",
            "This endpoint takes an inbound integration's ingest token (scl_int_...), not an API key: create an"
                    + " integration with POST /v1/integrations/inbound and send its token.");
    private static final Argument<Map<String, String>> STRINGS = Argument.mapOf(String.class, String.class);
    /**
     * Up to this many alerts a notification's answer shows each stored alert; beyond, only the results, which name
     * them: the stored alerts of 2,000 alerts with long annotations were a 16 MB answer, which no sender reads.
     */
    static final int ECHOED_ALERTS = 100;

    private final IntegrationService integrations;
    private final AlertIntake intake;
    private final AlertRepository alerts;
    private final AlertRejectionRepository rejections;
    private final IncidentService incidents;
    private final CursorCodec cursors;
    private final JsonMapper json;
    private final NotificationReader notifications;

    public AlertController(
            IntegrationService integrations,
            AlertIntake intake,
            AlertRepository alerts,
            AlertRejectionRepository rejections,
            IncidentService incidents,
            CursorCodec cursors,
            JsonMapper json) {
        this.cursors = cursors;
        this.integrations = integrations;
        this.intake = intake;
        this.alerts = alerts;
        this.rejections = rejections;
        this.incidents = incidents;
        this.json = json;
        this.notifications = new NotificationReader(json);
    }

    @Override
    public HttpResponse<AlertListResponse> ingestGenericAlert(GenericAlert body) {
        return accepted(IntegrationType.GENERIC, List.of(NotificationReader.generic(NotificationWire.generic(body))));
    }

    @Override
    public HttpResponse<AlertListResponse> ingestAlertmanagerAlerts(AlertmanagerWebhook body) {
        return accepted(
                IntegrationType.ALERTMANAGER,
                notifications.labelled(body.getCommonLabels(), body.getAlerts(), NotificationWire::alertmanager));
    }

    /** Grafana's payload is Alertmanager's with additions: the same reading, and its links kept. */
    @Override
    public HttpResponse<AlertListResponse> ingestGrafanaAlerts(GrafanaWebhook body) {
        return accepted(
                IntegrationType.GRAFANA,
                notifications.labelled(body.getCommonLabels(), body.getAlerts(), NotificationWire::grafana));
    }

    @Override
    public HttpResponse<AlertListResponse> listIncidentAlerts(UUID id) {
        UUID incidentId = incidents.snapshot(CallerContext.current(), id).id();
        return HttpResponse.ok(new AlertListResponse(new AlertList(
                alerts.ofIncident(incidentId).stream().map(this::alert).toList())));
    }

    @Override
    public HttpResponse<AlertPageResponse> listIntegrationAlerts(
            String integrationId, Integer limit, @Nullable String cursor) {
        ResultPage<Alert> page = pageOf(
                "alerts:",
                integrationId,
                limit,
                cursor,
                alerts::newestOf,
                (listed, position, size) -> alerts.olderOf(listed, position.createdAt(), position.id(), size),
                row -> new CursorPosition(row.receivedAt(), row.id()),
                this::alert);
        return HttpResponse.ok(new AlertPageResponse(new AlertPage(page.items(), page.nextCursor())));
    }

    @Override
    public HttpResponse<AlertRejectionPageResponse> listIntegrationRejections(
            String integrationId, Integer limit, @Nullable String cursor) {
        ResultPage<AlertRejection> page = pageOf(
                "rejections:",
                integrationId,
                limit,
                cursor,
                rejections::newestOf,
                (listed, position, size) -> rejections.olderOf(listed, position.createdAt(), position.id(), size),
                row -> new CursorPosition(row.receivedAt(), row.id()),
                AlertController::rejection);
        return HttpResponse.ok(new AlertRejectionPageResponse(new AlertRejectionPage(page.items(), page.nextCursor())));
    }

    private interface Older<R> {
        List<R> rows(String integrationId, CursorPosition position, int limit);
    }

    /** One page of an integration's rows, newest first; the cursor names its listing, so no other takes it. */
    private <R, W> ResultPage<W> pageOf(
            String listing,
            String integrationId,
            int limit,
            @Nullable String cursor,
            java.util.function.BiFunction<String, Integer, List<R>> newest,
            Older<R> older,
            Function<R, CursorPosition> position,
            Function<R, W> wire) {
        Caller caller = CallerContext.current();
        String listed = integrations.get(caller, integrationId).id();
        String list = listing + listed;
        List<R> rows = cursor == null
                ? newest.apply(listed, limit + 1)
                : older.rows(listed, cursors.decode(list, caller.orgId(), cursor), limit + 1);
        return ResultPage.of(rows, limit, position, at -> cursors.encode(list, caller.orgId(), at))
                .map(wire);
    }

    private HttpResponse<AlertListResponse> accepted(IntegrationType source, List<ReceivedAlert> notification) {
        List<Taken> taken = intake.take(integration(source.getValue()), source.getValue(), notification);
        RequestTelemetry.describeOutcome(summary(taken));
        Map<String, Alert> stored = new LinkedHashMap<>();
        if (taken.size() <= ECHOED_ALERTS) {
            taken.stream()
                    .filter(result -> result.alert() != null)
                    .forEach(result -> stored.put(result.alert().id(), alert(result.alert())));
        }
        AlertList list = new AlertList(List.copyOf(stored.values()));
        list.setResults(taken.stream().map(AlertController::result).toList());
        return HttpResponse.status(HttpStatus.ACCEPTED).body(new AlertListResponse(list));
    }

    /** For the access log: how many alerts each result had, and how many were cut and paged. */
    private static String summary(List<Taken> taken) {
        Map<Taken.Result, Integer> counts = new EnumMap<>(Taken.Result.class);
        taken.forEach(result -> counts.merge(result.result(), 1, Integer::sum));
        StringBuilder line = new StringBuilder("alerts=").append(taken.size());
        counts.forEach((result, count) -> line.append(' ')
                .append(result.name().toLowerCase(java.util.Locale.ROOT))
                .append('=')
                .append(count));
        line.append(" truncated=")
                .append(taken.stream().filter(Taken::truncated).count());
        line.append(" paged=").append(taken.stream().filter(Taken::paged).count());
        return line.toString();
    }

    /** The integration whose ingest token the request carries, if it is one of {@code type}; a 401 otherwise. */
    private IntegrationRow integration(String type) {
        String header = ServerRequestContext.currentRequest()
                .map(request -> request.getHeaders().get(HttpHeaders.AUTHORIZATION))
                .orElse(null);
        if (header == null || !header.startsWith(BEARER)) {
            throw new ApiException(MISSING);
        }
        String token = header.substring(BEARER.length());
        if (ApiKeys.isWellFormed(token)) {
            throw new ApiException(API_KEY);
        }
        IntegrationRow integration = integrations.authenticate(token).orElseThrow(() -> new ApiException(INVALID));
        if (!integration.type().equals(type)) {
            throw new ApiException(new Problem(
                    HttpStatus.UNAUTHORIZED,
                    "wrong_credential",
                    "This token belongs to a " + integration.type() + " integration; send its alerts to POST"
                            + " /v1/alerts/" + integration.type() + "."));
        }
        return integration;
    }

    private static AlertIntakeResult result(Taken taken) {
        return new AlertIntakeResult(
                taken.index(),
                AlertIntakeOutcome.fromValue(taken.result().name().toLowerCase(java.util.Locale.ROOT)),
                taken.truncated(),
                taken.alert() == null ? null : taken.alert().id(),
                taken.alert() == null ? null : taken.alert().incidentId(),
                taken.paged(),
                taken.notPagedReason(),
                taken.rejectionCode(),
                taken.rejectionMessage());
    }

    private static AlertRejection rejection(AlertRejectionRow row) {
        return new AlertRejection(
                row.id(),
                row.integrationId(),
                IntegrationType.fromValue(row.source()),
                row.index(),
                row.code(),
                row.message(),
                row.excerpt(),
                utc(row.receivedAt()));
    }

    private Alert alert(AlertRow row) {
        AlertLinks links = read(row.links(), Argument.of(AlertLinks.class));
        return new Alert(
                row.id(),
                row.integrationId(),
                row.dedupKey(),
                row.title(),
                SeverityWire.wire(row.severity()),
                AlertStatus.fromValue(row.status()),
                new LinkedHashMap<>(read(row.attributes(), STRINGS)),
                row.routingPolicyId(),
                RoutingOutcome.fromValue(row.outcome()),
                row.incidentId(),
                row.deliveries(),
                utc(row.receivedAt()),
                row.resolvedAt() == null ? null : utc(row.resolvedAt()),
                row.description(),
                new LinkedHashMap<>(read(row.annotations(), STRINGS)),
                new cloud.scaling.api.model.AlertLinks(
                        links.runbook(), links.source(), links.silence(), links.dashboard(), links.panel()),
                row.startsAt() == null ? null : utc(row.startsAt()),
                row.truncated(),
                row.paged(),
                row.notPagedReason());
    }

    private <T> T read(String stored, Argument<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
