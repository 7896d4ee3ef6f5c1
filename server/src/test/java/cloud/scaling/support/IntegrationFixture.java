package cloud.scaling.support;

import com.fasterxml.jackson.databind.JsonNode;

/** An inbound integration to create ({@code POST /v1/integrations/inbound}), generic unless told otherwise. */
public final class IntegrationFixture {

    private final String name;
    private String type = "generic";
    private String componentId;
    private String routingPolicyId;

    private IntegrationFixture(String name) {
        this.name = name;
    }

    public static IntegrationFixture named(String name) {
        return new IntegrationFixture(name);
    }

    /** {@code generic}, {@code alertmanager} or {@code grafana}. */
    public IntegrationFixture type(String type) {
        this.type = type;
        return this;
    }

    public IntegrationFixture component(String componentId) {
        this.componentId = componentId;
        return this;
    }

    public IntegrationFixture routingPolicy(String routingPolicyId) {
        this.routingPolicyId = routingPolicyId;
        return this;
    }

    public String json() {
        return """
                {"name": %s, "type": %s%s%s}""".formatted(
                        JsonText.string(name),
                        JsonText.string(type),
                        JsonText.optional("componentId", componentId == null ? null : JsonText.string(componentId)),
                        JsonText.optional(
                                "routingPolicyId", routingPolicyId == null ? null : JsonText.string(routingPolicyId)));
    }

    /** Creates the integration; returns what the answer's {@code data} holds: its {@code id} and its {@code token}. */
    public JsonNode create(ApiClient api) {
        return api.post("/v1/integrations/inbound", json()).assertStatus(201).data();
    }
}
