package cloud.scaling.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A webhook endpoint to create ({@code POST /v1/webhooks/endpoints}), for every event unless told otherwise. */
public final class WebhookEndpointFixture {

    private final String url;
    private List<String> eventTypes;

    private WebhookEndpointFixture(String url) {
        this.url = url;
    }

    public static WebhookEndpointFixture at(String url) {
        return new WebhookEndpointFixture(url);
    }

    /** Only these events ({@code incident.created}, ...); none given means every event. */
    public WebhookEndpointFixture events(String... eventTypes) {
        this.eventTypes = List.of(eventTypes);
        return this;
    }

    public String json() {
        return """
                {"url": %s%s}""".formatted(
                        JsonText.string(url),
                        JsonText.optional("eventTypes", eventTypes == null ? null : JsonText.strings(eventTypes)));
    }

    /** Creates the endpoint; returns what the answer's {@code data} holds (its {@code id}, its {@code secret}). */
    public JsonNode create(ApiClient api) {
        return api.post("/v1/webhooks/endpoints", json()).assertStatus(201).data();
    }
}
