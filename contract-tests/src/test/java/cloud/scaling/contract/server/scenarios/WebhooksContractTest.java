package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Webhook endpoints through their whole life: registration (secret shown once), reading, replacement, secret
 * rotation, the delivery log an incident fills, replay, deletion. Delivery itself is tested in the server module
 * against a real receiver.
 */
class WebhooksContractTest extends ServerContractTest {

    private static final String ENDPOINT = "{\"url\": \"https://hooks.example.com/scaling\", "
            + "\"description\": \"Incident bridge\", \"eventTypes\": [\"incident.created\"]}";

    private final Org org = newOrg();

    @Test
    void lifecycle() {
        JsonNode created = http.post("/v1/webhooks/endpoints")
                .as(org)
                .json(ENDPOINT)
                .send()
                .expect(201)
                .data();
        String id = created.get("id").asText();
        String secret = created.get("secret").asText();
        assertTrue(secret.startsWith("whsec_"));
        String path = "/v1/webhooks/endpoints/" + id;

        JsonNode read = http.get(path).as(org).send().expect(200).data();
        assertFalse(read.has("secret"));
        assertEquals(
                1,
                http.get("/v1/webhooks/endpoints")
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .size());
        JsonNode replaced = http.put(path)
                .as(org)
                .json("{\"url\": \"https://hooks.example.com/other\"}")
                .send()
                .expect(200)
                .data();
        assertEquals(0, replaced.get("eventTypes").size());
        assertTrue(replaced.get("description").isNull());
        assertNotEquals(
                secret,
                http.post(path + "/secret")
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .get("secret")
                        .asText());

        http.post("/v1/incidents")
                .as(org)
                .json("{\"title\": \"Checkout down\", \"severity\": \"high\"}")
                .send()
                .expect(201);
        JsonNode delivery = http.get(path + "/deliveries?limit=1")
                .as(org)
                .send()
                .expect(200)
                .data()
                .get("deliveries")
                .get(0);
        assertEquals("incident.created", delivery.get("eventType").asText());
        JsonNode replayed = http.post(path + "/deliveries/" + delivery.get("id").asText() + "/replay")
                .as(org)
                .send()
                .expect(202)
                .data();
        assertEquals("pending", replayed.get("status").asText());

        http.delete(path).as(org).send().expect(204);
        http.get(path).as(org).send().expectError(404, "not_found");
    }

    @Test
    void urlsThatCannotBeSentToAreRefused() {
        http.post("/v1/webhooks/endpoints")
                .as(org)
                .json("{\"url\": \"ftp://hooks.example.com/x\"}")
                .send()
                .expectError(422, "invalid_url");
    }
}
