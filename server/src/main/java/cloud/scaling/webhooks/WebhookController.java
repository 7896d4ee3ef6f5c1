package cloud.scaling.webhooks;

import static cloud.scaling.web.WireTime.utc;

import cloud.scaling.api.WebhooksApi;
import cloud.scaling.api.model.WebhookAttempt;
import cloud.scaling.api.model.WebhookDelivery;
import cloud.scaling.api.model.WebhookDeliveryListResponse;
import cloud.scaling.api.model.WebhookDeliveryPage;
import cloud.scaling.api.model.WebhookDeliveryResponse;
import cloud.scaling.api.model.WebhookDeliveryStatus;
import cloud.scaling.api.model.WebhookEndpoint;
import cloud.scaling.api.model.WebhookEndpointInput;
import cloud.scaling.api.model.WebhookEndpointListResponse;
import cloud.scaling.api.model.WebhookEndpointResponse;
import cloud.scaling.api.model.WebhookEndpointWithSecret;
import cloud.scaling.api.model.WebhookEndpointWithSecretResponse;
import cloud.scaling.api.model.WebhookEventType;
import cloud.scaling.auth.CallerContext;
import cloud.scaling.pagination.ResultPage;
import cloud.scaling.web.ApiException;
import cloud.scaling.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The webhook endpoints of the spec: registration, changes, secret rotation, the delivery log and replay. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class WebhookController implements WebhooksApi {

    private final WebhookEndpoints service;
    private final Clock clock;

    public WebhookController(WebhookEndpoints service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public HttpResponse<WebhookEndpointWithSecretResponse> createWebhookEndpoint(WebhookEndpointInput body) {
        return HttpResponse.status(HttpStatus.CREATED)
                .body(new WebhookEndpointWithSecretResponse(
                        withSecret(service.create(CallerContext.current(), state(body)))));
    }

    @Override
    public HttpResponse<WebhookEndpointListResponse> listWebhookEndpoints() {
        return HttpResponse.ok(new WebhookEndpointListResponse(service.list(CallerContext.current()).stream()
                .map(this::endpoint)
                .toList()));
    }

    @Override
    public HttpResponse<WebhookEndpointResponse> getWebhookEndpoint(String endpointId) {
        return HttpResponse.ok(new WebhookEndpointResponse(endpoint(service.get(CallerContext.current(), endpointId))));
    }

    @Override
    public HttpResponse<WebhookEndpointResponse> updateWebhookEndpoint(String endpointId, WebhookEndpointInput body) {
        return HttpResponse.ok(new WebhookEndpointResponse(
                endpoint(service.replace(CallerContext.current(), endpointId, state(body)))));
    }

    @Override
    public HttpResponse<Void> deleteWebhookEndpoint(String endpointId) {
        service.delete(CallerContext.current(), endpointId);
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<WebhookEndpointWithSecretResponse> rotateWebhookSecret(String endpointId) {
        return HttpResponse.ok(
                new WebhookEndpointWithSecretResponse(withSecret(service.rotate(CallerContext.current(), endpointId))));
    }

    @Override
    public HttpResponse<WebhookEndpointResponse> retireWebhookPreviousSecret(String endpointId) {
        return HttpResponse.ok(new WebhookEndpointResponse(
                endpoint(service.retirePreviousSecret(CallerContext.current(), endpointId))));
    }

    @Override
    public HttpResponse<WebhookDeliveryListResponse> listWebhookDeliveries(
            String endpointId, Integer limit, String cursor) {
        ResultPage<WebhookEndpoints.DeliveryLog> page =
                service.deliveries(CallerContext.current(), endpointId, cursor, limit);
        return HttpResponse.ok(new WebhookDeliveryListResponse(new WebhookDeliveryPage(
                page.items().stream().map(WebhookController::toApi).toList(), page.nextCursor())));
    }

    @Override
    public HttpResponse<WebhookDeliveryResponse> replayWebhookDelivery(String endpointId, String deliveryId) {
        return HttpResponse.status(HttpStatus.ACCEPTED)
                .body(new WebhookDeliveryResponse(
                        toApi(service.replay(CallerContext.current(), endpointId, deliveryId))));
    }

    private static EndpointState state(WebhookEndpointInput body) {
        // Not List.of(): it refuses even to look for null.
        List<WebhookEventType> types = body.getEventTypes() == null ? new ArrayList<>() : body.getEventTypes();
        // A null element passes the generated model's validation; refuse it here rather than fail on it.
        int missing = types.indexOf(null);
        if (missing >= 0) {
            throw new ApiException(Problem.invalid("missing_field", "eventTypes[" + missing + "]", "is required."));
        }
        Set<EventType> subscribed = EnumSet.noneOf(EventType.class);
        types.forEach(type -> subscribed.add(EventType.of(type.getValue()).orElseThrow()));
        return new EndpointState(
                body.getUrl(), body.getDescription(), subscribed, body.getEnabled() == null || body.getEnabled());
    }

    private WebhookEndpoint endpoint(WebhookEndpointRow row) {
        return new WebhookEndpoint(
                        row.id(),
                        row.orgId(),
                        row.url(),
                        row.description(),
                        eventTypes(row),
                        row.enabled(),
                        utc(row.createdAt()),
                        utc(row.updatedAt()))
                .previousSecretExpiresAt(previousSecretExpiresAt(row));
    }

    private WebhookEndpointWithSecret withSecret(WebhookEndpoints.WithSecret issued) {
        WebhookEndpointRow row = issued.endpoint();
        return new WebhookEndpointWithSecret(
                        row.id(),
                        row.orgId(),
                        row.url(),
                        row.description(),
                        eventTypes(row),
                        row.enabled(),
                        utc(row.createdAt()),
                        utc(row.updatedAt()),
                        issued.secret())
                .previousSecretExpiresAt(previousSecretExpiresAt(row));
    }

    /** Shown only while it still signs: a window that ran out is as good as none. */
    private @Nullable OffsetDateTime previousSecretExpiresAt(WebhookEndpointRow row) {
        return utc(row.previousSecretSigningUntil(clock.instant()));
    }

    private static List<WebhookEventType> eventTypes(WebhookEndpointRow row) {
        return row.subscribedTypes().stream()
                .map(type -> WebhookEventType.fromValue(type.value()))
                .toList();
    }

    private static WebhookDelivery toApi(WebhookEndpoints.DeliveryLog log) {
        WebhookDeliveryRow row = log.delivery();
        return new WebhookDelivery(
                row.id(),
                WebhookEventType.fromValue(row.eventType()),
                WebhookDeliveryStatus.fromValue(row.status()),
                log.attempts().stream()
                        .map(attempt -> new WebhookAttempt(
                                utc(attempt.attemptedAt()),
                                attempt.responseStatus(),
                                attempt.error(),
                                attempt.durationMs()))
                        .toList(),
                utc(row.createdAt()),
                row.nextAttemptAt() == null ? null : utc(row.nextAttemptAt()));
    }
}
