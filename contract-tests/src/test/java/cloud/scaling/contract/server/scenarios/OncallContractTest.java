package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** On-call schedules in both wire models, overrides, who is on call, and incidents owned through a schedule. */
class OncallContractTest extends ServerContractTest {

    private final Org org = newOrg();

    private String layerBody(String name) {
        return "{\"name\": \"" + name + "\", \"rotationType\": \"weekly\", \"rotationLengthDays\": 7,"
                + " \"handoffTime\": \"09:00\", \"effectiveFrom\": \"2025-01-01T00:00:00Z\","
                + " \"participantIds\": [\"" + org.userId() + "\"]}";
    }

    @Test
    void schedulesLayersAndOrder() {
        String id = http.post("/v1/oncall/schedules")
                .as(org)
                .json("{\"name\": \"Primary\", \"timezone\": \"America/New_York\"}")
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        http.post("/v1/oncall/schedules")
                .as(org)
                .json("{\"name\": \"Secondary\", \"timezone\": \"UTC\"}")
                .send()
                .expect(201);
        http.put("/v1/oncall/schedules/" + id)
                .as(org)
                .json("{\"name\": \"Secondary\", \"description\": null, \"timezone\": \"UTC\"}")
                .send()
                .expectError(409, "name_conflict");
        http.put("/v1/oncall/schedules/" + id)
                .as(org)
                .json("{\"name\": \"Primary\", \"description\": \"\", \"timezone\": \"Europe/Berlin\"}")
                .send()
                .expect(200);

        String first = http.post("/v1/oncall/schedules/" + id + "/layers")
                .as(org)
                .json(layerBody("Tier 1"))
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        String second = http.post("/v1/oncall/schedules/" + id + "/layers")
                .as(org)
                .json(layerBody("Tier 2"))
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        http.put("/v1/oncall/schedules/" + id + "/layers/" + first)
                .as(org)
                .json(layerBody("Tier 1").replace("\"participantIds\"", "\"effectiveUntil\": null, \"participantIds\""))
                .send()
                .expect(200);
        JsonNode reordered = http.put("/v1/oncall/schedules/" + id + "/layer-order")
                .as(org)
                .json("{\"layerIds\": [\"" + second + "\", \"" + first + "\"]}")
                .send()
                .expect(200)
                .data();
        assertEquals(second, reordered.get("layers").get(0).get("id").asText());
        http.put("/v1/oncall/schedules/" + id + "/layer-order")
                .as(org)
                .json("{\"layerIds\": []}")
                .send()
                .expectError(400, "invalid_layer_order");

        assertEquals(
                2,
                http.get("/v1/oncall/schedules/" + id)
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .get("layers")
                        .size());
        assertEquals(
                2,
                http.get("/v1/oncall/schedules")
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .size());
        http.delete("/v1/oncall/schedules/" + id + "/layers/" + first)
                .as(org)
                .send()
                .expect(204);
        http.delete("/v1/oncall/schedules/" + id).as(org).send().expect(204);
        http.get("/v1/oncall/schedules/" + id).as(org).send().expectError(404, "not_found");
    }

    @Test
    void overridesResolveShiftsAndIncidentOwners() {
        String id = http.post("/v1/oncall/schedules")
                .as(org)
                .json("{\"name\": \"Timeline\", \"timezone\": \"America/New_York\"}")
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        http.post("/v1/oncall/schedules/" + id + "/layers")
                .as(org)
                .json(layerBody("Primary"))
                .send()
                .expect(201);
        String override = http.post("/v1/oncall/schedules/" + id + "/overrides")
                .as(org)
                .json("{\"userId\": \"" + org.userId() + "\", \"startsAt\": \"2026-04-10T16:00:00Z\","
                        + " \"endsAt\": \"2099-04-13T07:00:00Z\"}")
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        assertEquals(
                1,
                http.get("/v1/oncall/schedules/" + id + "/overrides")
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .get("overrides")
                        .size());

        JsonNode resolved = http.get("/v1/oncall/schedules/" + id + "/resolve?at=2026-04-11T00:00:00Z")
                .as(org)
                .send()
                .expect(200)
                .data();
        assertEquals(override, resolved.get("currentOncall").get("overrideId").asText());
        // The weekly handoff on Tuesday 7 April splits the layer's time; the override takes the rest.
        assertEquals(
                3,
                http.get("/v1/oncall/schedules/" + id + "/shifts?from=2026-04-06T00:00:00Z&to=2026-04-20T00:00:00Z")
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .get("shifts")
                        .size());
        http.get("/v1/oncall/schedules/" + id + "/shifts?from=2026-01-01T00:00:00Z&to=2027-06-01T00:00:00Z")
                .as(org)
                .send()
                .expectError(422, "window_too_large");

        JsonNode incident = http.post("/v1/incidents")
                .as(org)
                .json("{\"title\": \"Down\", \"severity\": \"high\"," + " \"ownerScheduleId\": \"" + id + "\"}")
                .send()
                .expect(201)
                .data();
        assertEquals(org.userId(), incident.get("ownerId").asText());
        http.post("/v1/incidents")
                .as(org)
                .json("{\"title\": \"Down\", \"severity\": \"high\"," + " \"ownerScheduleId\": \"sch_unknown\"}")
                .send()
                .expectError(404, "not_found");

        http.delete("/v1/oncall/schedules/" + id + "/overrides/" + override)
                .as(org)
                .send()
                .expect(204);
    }
}
