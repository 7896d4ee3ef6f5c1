package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Escalation policies in both models: the provider's inline steps replaced wholesale, the docs' layers added,
 * changed, reordered and removed; references that must exist, and what may not be deleted while used.
 */
class EscalationPoliciesContractTest extends ServerContractTest {

    private final Org org = newOrg();

    @Test
    void providerStepsAndDocsLayersOnOnePolicy() {
        String wh = http.post("/v1/working-hours")
                .as(org)
                .json("{\"name\": \"UK\", \"timezone\": \"Europe/London\", "
                        + "\"windows\": [{\"days\": [1], \"start\": \"09:00\", \"end\": \"17:00\"}]}")
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        String schedule = http.post("/v1/oncall/schedules")
                .as(org)
                .json("{\"name\": \"Primary\", \"timezone\": \"Europe/London\"}")
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        String steps = "[{\"position\": 1, \"targetType\": \"schedule\", \"targetId\": \"" + schedule + "\", "
                + "\"escalateAfterSeconds\": 300, \"condition\": {\"workingHoursId\": \"" + wh + "\", "
                + "\"when\": \"during\"}}, {\"position\": 2, \"targetType\": \"users\", \"targetId\": \""
                + org.userId() + "\", \"escalateAfterSeconds\": 90, \"condition\": null}]";
        JsonNode created = http.post("/v1/escalation/policies")
                .as(org)
                .json("{\"name\": \"Follow the sun\", \"steps\": " + steps + "}")
                .send()
                .expect(201)
                .data();
        String id = created.get("id").asText();
        assertEquals(2, created.get("layers").get(1).get("ackTimeoutMinutes").asInt());
        http.post("/v1/escalation/policies")
                .as(org)
                .json("{\"name\": \"Follow the sun\"}")
                .send()
                .expectError(409, "name_conflict");
        http.post("/v1/escalation/policies")
                .as(org)
                .json("{\"name\": \"Other\", \"steps\": [{\"targetType\": "
                        + "\"schedule\", \"targetId\": \"sched_nope\", \"escalateAfterSeconds\": 60}]}")
                .send()
                .expectError(400, "invalid_target");
        http.post("/v1/escalation/policies")
                .as(org)
                .json("{\"name\": \"Other\"}")
                .send()
                .expect(201);

        http.put("/v1/escalation/policies/" + id)
                .as(org)
                .json("{\"name\": \"Other\", \"description\": \"\"}")
                .send()
                .expectError(409, "name_conflict");
        http.put("/v1/escalation/policies/" + id)
                .as(org)
                .json("{\"name\": \"Follow the sun\", \"steps\": " + steps.replace(wh, "wh_nope") + "}")
                .send()
                .expectError(400, "invalid_working_hours_id");
        http.put("/v1/escalation/policies/" + id)
                .as(org)
                .json("{\"name\": \"Follow the sun\", \"description\": \"\", \"steps\": " + steps + "}")
                .send()
                .expect(200);

        http.delete("/v1/working-hours/" + wh).as(org).send().expectError(409, "working_hours_in_use");
        http.delete("/v1/oncall/schedules/" + schedule).as(org).send().expectError(409, "schedule_in_use");

        String layer = http.post("/v1/escalation/policies/" + id + "/layers")
                .as(org)
                .json("{\"position\": 1, \"ackTimeoutMinutes\": 5, \"target\": {\"type\": \"users\", \"userIds\": [\""
                        + org.userId() + "\"]}}")
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        http.post("/v1/escalation/policies/" + id + "/layers")
                .as(org)
                .json("{\"position\": 9, \"ackTimeoutMinutes\": 5, \"target\": {\"type\": \"users\", \"userIds\": [\""
                        + org.userId() + "\"]}}")
                .send()
                .expectError(400, "invalid_position");
        http.patch("/v1/escalation/policies/" + id + "/layers/" + layer)
                .as(org)
                .json("{\"ackTimeoutMinutes\": 15, \"position\": 3}")
                .send()
                .expect(200);
        http.patch("/v1/escalation/policies/" + id + "/layers/" + layer)
                .as(org)
                .json("{\"target\": {\"type\": \"schedule\"}}")
                .send()
                .expectError(400, "invalid_target");

        JsonNode layers = http.get("/v1/escalation/policies/" + id)
                .as(org)
                .send()
                .expect(200)
                .data()
                .get("layers");
        assertEquals(layer, layers.get(2).get("id").asText());
        String first = layers.get(0).get("id").asText();
        String second = layers.get(1).get("id").asText();
        // The server's path and the public docs' path reorder alike; each order starts with another layer.
        Map<String, String> firstLayerAfter = new LinkedHashMap<>();
        firstLayerAfter.put("/layer-order", layer);
        firstLayerAfter.put("/layers/order", first);
        for (Map.Entry<String, String> path : firstLayerAfter.entrySet()) {
            String head = path.getValue();
            List<String> rest = Stream.of(layer, first, second)
                    .filter(other -> !other.equals(head))
                    .toList();
            http.put("/v1/escalation/policies/" + id + path.getKey())
                    .as(org)
                    .json("{\"layerIds\": [\"" + head + "\", \"" + rest.get(0) + "\"]}")
                    .send()
                    .expectError(400, "invalid_layer_order");
            JsonNode reordered = http.put("/v1/escalation/policies/" + id + path.getKey())
                    .as(org)
                    .json("{\"layerIds\": [\"" + head + "\", \"" + rest.get(0) + "\", \"" + rest.get(1) + "\"]}")
                    .send()
                    .expect(200)
                    .data();
            assertEquals(head, reordered.get("steps").get(0).get("id").asText(), path.getKey());
        }
        http.delete("/v1/escalation/policies/" + id + "/layers/" + layer)
                .as(org)
                .send()
                .expect(204);

        assertEquals(
                2,
                http.get("/v1/escalation/policies")
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .size());
        http.delete("/v1/escalation/policies/" + id).as(org).send().expect(204);
        http.delete("/v1/working-hours/" + wh).as(org).send().expect(204);
        http.get("/v1/escalation/policies/" + id).as(org).send().expectError(404, "not_found");
    }
}
