package cloud.scaling.contract.server.scenarios;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Components, as the Terraform provider drives them: create, read, update, delete, and name clashes. */
class ComponentsContractTest extends ServerContractTest {

    private final Org org = newOrg();

    @Test
    void lifecycleAndNameConflicts() {
        String id = http.post("/v1/components").as(org)
                .json("{\"name\": \"Payments API\", \"aliases\": [\"payments\"]}").send().expect(201).data()
                .get("id").asText();
        http.post("/v1/components").as(org).json("{\"name\": \"Payments API\"}").send()
                .expectError(409, "name_conflict");
        http.post("/v1/components").as(org).json("{\"name\": \"Search\"}").send().expect(201);

        JsonNode updated = http.patch("/v1/components/" + id).as(org)
                .json("{\"name\": \"Payments\", \"description\": null, \"aliases\": []}").send().expect(200).data();
        assertEquals("Payments", updated.get("name").asText());
        http.patch("/v1/components/" + id).as(org).json("{\"name\": \"Search\"}").send()
                .expectError(409, "name_conflict");

        assertEquals(2, http.get("/v1/components").as(org).send().expect(200).data().get("components").size());
        http.delete("/v1/components/" + id).as(org).send().expect(204);
        http.get("/v1/components/" + id).as(org).send().expectError(404, "not_found");
    }
}
