package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import org.junit.jupiter.api.Test;

/** Working hours, as the Terraform provider drives them: create, list, read, replace, delete, name clashes. */
class WorkingHoursContractTest extends ServerContractTest {

    private static final String UK = "{\"name\": \"UK office hours\", \"timezone\": \"Europe/London\", "
            + "\"windows\": [{\"days\": [1, 2, 3, 4, 5], \"start\": \"09:00\", \"end\": \"17:00\"}]}";

    private final Org org = newOrg();

    @Test
    void lifecycleAndNameConflicts() {
        String id = http.post("/v1/working-hours")
                .as(org)
                .json(UK)
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        http.post("/v1/working-hours").as(org).json(UK).send().expectError(409, "name_conflict");
        // Names are unique within an organization only.
        http.post("/v1/working-hours").as(newOrg()).json(UK).send().expect(201);
        String us = UK.replace("UK office", "US office").replace("Europe/London", "America/New_York");
        http.post("/v1/working-hours").as(org).json(us).send().expect(201);

        assertEquals(
                "UK office hours",
                http.get("/v1/working-hours/" + id)
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .get("name")
                        .asText());
        http.patch("/v1/working-hours/" + id)
                .as(org)
                .json(UK.replace("17:00", "18:00"))
                .send()
                .expect(200);
        http.patch("/v1/working-hours/" + id).as(org).json(us).send().expectError(409, "name_conflict");

        assertEquals(
                2,
                http.get("/v1/working-hours").as(org).send().expect(200).data().size());
        http.delete("/v1/working-hours/" + id).as(org).send().expect(204);
        http.get("/v1/working-hours/" + id).as(org).send().expectError(404, "not_found");
    }
}
