package cloud.scaling.webhooks;

import cloud.scaling.auth.Caller;
import cloud.scaling.pagination.CursorCodec;
import cloud.scaling.pagination.CursorPosition;
import cloud.scaling.pagination.ResultPage;
import cloud.scaling.shared.RandomIds;
import cloud.scaling.shared.Refusal;
import cloud.scaling.web.OutboundUrls;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Webhook endpoints of an organization and their delivery logs: registration, changes, rotation, replay. */
@Singleton
public class WebhookEndpoints {

    private static final String DELIVERY_LIST = "webhook-deliveries";
    private static final CursorPosition BEYOND_LAST = new CursorPosition(Instant.parse("9999-12-31T23:59:59.999Z"), "");

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookAttemptRepository attempts;
    private final WebhookSecrets secrets;
    private final CursorCodec cursors;
    private final Clock clock;
    private final Duration secretOverlap;

    public WebhookEndpoints(
            WebhookEndpointRepository endpoints,
            WebhookDeliveryRepository deliveries,
            WebhookAttemptRepository attempts,
            WebhookSecrets secrets,
            CursorCodec cursors,
            Clock clock,
            @Value("${scaling.webhooks.secret-overlap:24h}") Duration secretOverlap) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.secrets = secrets;
        this.cursors = cursors;
        this.clock = clock;
        this.secretOverlap = secretOverlap;
    }

    /** An endpoint together with its signing secret, the only moment the secret is shown. */
    public record WithSecret(WebhookEndpointRow endpoint, String secret) {}

    /** A delivery with its attempts, oldest first. */
    public record DeliveryLog(WebhookDeliveryRow delivery, List<WebhookAttemptRow> attempts) {}

    @Transactional
    public WithSecret create(Caller caller, EndpointState state) {
        requireUsableUrl(state.url());
        Instant now = clock.instant();
        String id = RandomIds.prefixed("hook");
        String secret = secrets.generate();
        WebhookEndpointRow row = endpoints.save(new WebhookEndpointRow(
                id,
                caller.orgId(),
                state.url(),
                state.description(),
                WebhookEndpointRow.stored(state.eventTypes()),
                state.enabled(),
                secrets.seal(id, secret),
                now,
                now,
                null,
                null));
        return new WithSecret(row, secret);
    }

    public List<WebhookEndpointRow> list(Caller caller) {
        return endpoints.listed(caller.orgId());
    }

    public WebhookEndpointRow get(Caller caller, String id) {
        return endpoints
                .findByIdAndOrgId(id, caller.orgId())
                .orElseThrow(() -> Refusal.notFound("Webhook endpoint " + id));
    }

    @Transactional
    public WebhookEndpointRow replace(Caller caller, String id, EndpointState state) {
        WebhookEndpointRow current = get(caller, id);
        requireUsableUrl(state.url());
        return endpoints.update(new WebhookEndpointRow(
                current.id(),
                current.orgId(),
                state.url(),
                state.description(),
                WebhookEndpointRow.stored(state.eventTypes()),
                state.enabled(),
                current.secretSealed(),
                current.createdAt(),
                clock.instant(),
                current.previousSecretSealed(),
                current.previousSecretExpiresAt()));
    }

    /**
     * Locks the endpoint first, so that the delete (and its cascade over the deliveries) comes after the events
     * that are queueing deliveries for it, and sees them.
     */
    @Transactional
    public void delete(Caller caller, String id) {
        endpoints.delete(endpoints
                .lockByIdAndOrgId(id, caller.orgId())
                .orElseThrow(() -> Refusal.notFound("Webhook endpoint " + id)));
    }

    /** A new secret; the one it replaces keeps signing beside it for {@link #secretOverlap}. */
    @Transactional
    public WithSecret rotate(Caller caller, String id) {
        WebhookEndpointRow current = get(caller, id);
        String secret = secrets.generate();
        Instant now = clock.instant();
        return new WithSecret(
                endpoints.update(withSecrets(
                        current, secrets.seal(id, secret), now, current.secretSealed(), now.plus(secretOverlap))),
                secret);
    }

    /** Ends the overlap of the last rotation now: only the current secret signs from here on. */
    @Transactional
    public WebhookEndpointRow retirePreviousSecret(Caller caller, String id) {
        WebhookEndpointRow current = get(caller, id);
        return current.previousSecretSealed() == null
                ? current
                : endpoints.update(withSecrets(current, current.secretSealed(), clock.instant(), null, null));
    }

    private static WebhookEndpointRow withSecrets(
            WebhookEndpointRow current,
            String sealed,
            Instant now,
            @Nullable String previousSealed,
            @Nullable Instant previousExpiresAt) {
        return new WebhookEndpointRow(
                current.id(),
                current.orgId(),
                current.url(),
                current.description(),
                current.eventTypes(),
                current.enabled(),
                sealed,
                current.createdAt(),
                now,
                previousSealed,
                previousExpiresAt);
    }

    /** A page of the endpoint's deliveries, newest first, with all their attempts read in one query. */
    @Transactional(readOnly = true)
    public ResultPage<DeliveryLog> deliveries(Caller caller, String endpointId, @Nullable String cursor, int limit) {
        WebhookEndpointRow endpoint = get(caller, endpointId);
        String list = DELIVERY_LIST + ":" + endpoint.id();
        CursorPosition after = cursor == null ? BEYOND_LAST : cursors.decode(list, caller.orgId(), cursor);
        List<WebhookDeliveryRow> rows = deliveries.pageAfter(endpoint.id(), after.createdAt(), after.id(), limit + 1);
        ResultPage<WebhookDeliveryRow> page = ResultPage.of(
                rows,
                limit,
                row -> new CursorPosition(row.createdAt(), row.id()),
                position -> cursors.encode(list, caller.orgId(), position));
        Map<String, List<WebhookAttemptRow>> byDelivery = page.items().isEmpty()
                ? Map.of()
                : attempts
                        .findByDeliveryIdInOrderByAttemptedAt(page.items().stream()
                                .map(WebhookDeliveryRow::id)
                                .toList())
                        .stream()
                        .collect(Collectors.groupingBy(WebhookAttemptRow::deliveryId));
        return page.map(row -> new DeliveryLog(row, byDelivery.getOrDefault(row.id(), List.of())));
    }

    /** Queues a fresh attempt of the same message, due now, with the whole retry schedule ahead of it. */
    @Transactional
    public DeliveryLog replay(Caller caller, String endpointId, String deliveryId) {
        WebhookEndpointRow endpoint = get(caller, endpointId);
        WebhookDeliveryRow delivery = deliveries
                .findByIdAndEndpointId(deliveryId, endpoint.id())
                .orElseThrow(() -> Refusal.notFound("Delivery " + deliveryId));
        deliveries.requeue(delivery.id(), clock.instant());
        WebhookDeliveryRow queued = deliveries.findById(delivery.id()).orElseThrow();
        return new DeliveryLog(queued, attempts.findByDeliveryIdInOrderByAttemptedAt(List.of(queued.id())));
    }

    private static void requireUsableUrl(String url) {
        OutboundUrls.requireUsable("url", url);
    }
}
