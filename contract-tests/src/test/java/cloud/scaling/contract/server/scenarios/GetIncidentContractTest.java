package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** getIncident: an incident reads back exactly as it was created; an unknown id is not found. */
class GetIncidentContractTest extends ServerContractTest {

    private final Org org = newOrg();

    @Test
    void readsBackWhatWasCreated() {
        JsonNode created = http.post("/v1/incidents")
                .as(org)
                .json("{\"title\": \"Disk full\", \"severity\": \"medium\"}")
                .send()
                .expect(201)
                .data();
        JsonNode read = http.get("/v1/incidents/" + created.get("id").asText())
                .as(org)
                .send()
                .expect(200)
                .data();
        created.fieldNames().forEachRemaining(field -> assertEquals(created.get(field), read.get(field), field));
        assertEquals(
                "investigating", read.get("statusHistory").get(0).get("status").asText());
    }

    @Test
    void anUnknownIdIsNotFound() {
        http.get("/v1/incidents/" + UUID.randomUUID()).as(org).send().expectError(404, "not_found");
    }
}
