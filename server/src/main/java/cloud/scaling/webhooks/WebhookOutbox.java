package cloud.scaling.webhooks;

import cloud.scaling.api.model.Incident;
import cloud.scaling.incidents.IncidentChange;
import cloud.scaling.incidents.IncidentEventWire;
import cloud.scaling.pager.PagerEvent;
import cloud.scaling.shared.RandomIds;
import cloud.scaling.shared.SharedRowLock;
import cloud.scaling.shared.TransactionMemo;
import cloud.scaling.shared.WireEnum;
import cloud.scaling.web.WireTime;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns what happened to incidents into outbox rows, one per subscribed endpoint, in the transaction of the change
 * (the listeners run synchronously inside the publisher's transaction): an event is queued exactly when its change
 * commits. Nothing is sent here, so a slow or dead receiver can never delay or undo the change. The payload is
 * built and fixed now, with the incident as it is at this moment.
 */
@Singleton
public class WebhookOutbox {

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final IncidentEventWire incidents;
    private final JsonMapper json;
    private final ApplicationEventPublisher<WebhooksQueued> queued;
    private final SharedRowLock rowLock;
    private final TransactionMemo memo;

    public WebhookOutbox(
            WebhookEndpointRepository endpoints,
            WebhookDeliveryRepository deliveries,
            IncidentEventWire incidents,
            JsonMapper json,
            ApplicationEventPublisher<WebhooksQueued> queued,
            SharedRowLock rowLock,
            TransactionMemo memo) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.incidents = incidents;
        this.json = json;
        this.queued = queued;
        this.rowLock = rowLock;
        this.memo = memo;
    }

    // In the transaction that publishes the event (which stores the deliveries with the change), or one of its
    // own when the publisher has none: the receivers' row locks need a transaction to be held in.
    @EventListener
    @Transactional
    void onIncidentChange(IncidentChange change) {
        Map<String, Object> data = new LinkedHashMap<>();
        EventType type;
        if (change instanceof IncidentChange.Opened opened) {
            data.put("actorId", opened.actorId());
            type = EventType.INCIDENT_CREATED;
        } else if (change instanceof IncidentChange.StatusChanged changed) {
            data.put("actorId", changed.actorId());
            data.put("from", WireEnum.wire(changed.from()));
            data.put("to", WireEnum.wire(changed.to()));
            type = EventType.INCIDENT_STATUS_CHANGED;
        } else if (change instanceof IncidentChange.Acknowledged acknowledged) {
            data.put("actorId", acknowledged.actorId());
            type = EventType.INCIDENT_ACKNOWLEDGED;
        } else if (change instanceof IncidentChange.HandedOff handedOff) {
            data.put("actorId", handedOff.actorId());
            data.put("previousOwnerId", handedOff.previousOwnerId());
            data.put("ownerId", handedOff.ownerId());
            type = EventType.INCIDENT_HANDED_OFF;
        } else if (change instanceof IncidentChange.UpdatePosted posted) {
            data.put("actorId", posted.actorId());
            data.put("updateId", posted.updateId().toString());
            data.put("visibility", WireEnum.wire(posted.visibility()));
            type = EventType.INCIDENT_UPDATE_POSTED;
        } else {
            throw new IllegalStateException("An incident change without a webhook event: " + change);
        }
        queue(change.orgId(), change.incidentId(), change.at(), type, data);
    }

    @EventListener
    @Transactional
    void onPagerEvent(PagerEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        EventType type;
        if (event instanceof PagerEvent.Escalated escalated) {
            data.put("policyId", escalated.policyId());
            data.put("level", escalated.level());
            type = EventType.INCIDENT_ESCALATED;
        } else if (event instanceof PagerEvent.Paged paged) {
            data.put("pageId", paged.pageId());
            data.put("userId", paged.userId());
            data.put("channel", paged.channel());
            data.put("reason", paged.reason());
            data.put("level", paged.level());
            type = EventType.INCIDENT_PAGED;
        } else {
            throw new IllegalStateException("A pager event without a webhook event: " + event);
        }
        queue(event.orgId(), event.incidentId(), event.at(), type, data);
    }

    private void queue(String orgId, UUID incidentId, Instant at, EventType type, Map<String, Object> fields) {
        // Each receiver locked (shared with other events, in id order) until the commit: an endpoint deleted
        // meanwhile is waited for and then left out, instead of failing the incident's write on the deliveries'
        // foreign key; an endpoint's delete waits for the deliveries queued for it, and takes them along.
        // Read once per transaction: a storm's transaction queues events of a hundred incidents of one organization.
        List<WebhookEndpointRow> enabled = memo.once(new Receivers(orgId), () -> endpoints.enabledIn(orgId));
        List<WebhookEndpointRow> candidates =
                enabled.stream().filter(endpoint -> endpoint.receives(type)).toList();
        Set<String> locked = candidates.stream()
                .map(WebhookEndpointRow::id)
                .sorted()
                .filter(id -> rowLock.lock("webhook_endpoints", id))
                .collect(Collectors.toSet());
        List<WebhookEndpointRow> receivers = candidates.stream()
                .filter(endpoint -> locked.contains(endpoint.id()))
                .toList();
        if (receivers.isEmpty()) {
            return;
        }
        Incident incident = incidents.summary(orgId, incidentId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incident", incident);
        // Receivers may get one incident's events in any order (retries, parallel attempts); this orders them.
        data.put("sequence", incidents.nextEventSequence(incidentId));
        data.putAll(fields);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type.value());
        payload.put("timestamp", WireTime.utc(at));
        payload.put("data", data);
        String body = text(payload);
        for (WebhookEndpointRow endpoint : receivers) {
            deliveries.save(new WebhookDeliveryRow(
                    RandomIds.prefixed("msg"),
                    endpoint.id(),
                    type.value(),
                    body,
                    WebhookDeliveryRow.PENDING,
                    0,
                    at,
                    at));
        }
        queued.publishEvent(new WebhooksQueued());
    }

    private String text(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Receivers(String orgId) {}
}
