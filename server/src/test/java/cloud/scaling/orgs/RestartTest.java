package cloud.scaling.orgs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Data and keys survive a restart (on H2 this is the file database the server uses by default). */
class RestartTest {

    @Test
    void incidentsAndKeysSurviveARestart() {
        Provisioned org;
        JsonNode created;
        String cursor;
        TestServer first = TestServer.dedicated();
        try {
            org = first.newOrganization();
            created = first.api(org.apiKey())
                    .post("/v1/incidents", "{\"title\":\"before\",\"severity\":\"low\"}")
                    .assertStatus(201)
                    .data();
            created = first.api(org.apiKey())
                    .get("/v1/incidents/" + created.get("id").asText())
                    .data();
            first.api(org.apiKey())
                    .post("/v1/incidents", "{\"title\":\"second\",\"severity\":\"low\"}")
                    .assertStatus(201);
            cursor = first.api(org.apiKey())
                    .get("/v1/incidents?limit=1")
                    .data()
                    .get("nextCursor")
                    .asText();
        } finally {
            first.close();
        }
        try (TestServer second = first.restartedOnSameDatabase()) {
            JsonNode read = second.api(org.apiKey())
                    .get("/v1/incidents/" + created.get("id").asText())
                    .assertStatus(200)
                    .data();
            assertEquals(created, read);
            JsonNode next = second.api(org.apiKey())
                    .get("/v1/incidents?limit=1&cursor=" + cursor)
                    .assertStatus(200)
                    .data();
            assertEquals(created.get("id"), next.get("incidents").get(0).get("id"), "cursors stay valid too");
        }
    }
}
