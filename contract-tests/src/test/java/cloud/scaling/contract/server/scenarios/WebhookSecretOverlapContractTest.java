package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * rotateWebhookSecret's overlap window and retireWebhookPreviousSecret, which ends it. That both secrets sign
 * during the window is tested in the server module against a real receiver.
 */
class WebhookSecretOverlapContractTest extends ServerContractTest {

    private final Org org = newOrg();

    @Test
    void aRotationOpensAWindowThatCanBeEndedEarly() {
        String path = "/v1/webhooks/endpoints/"
                + http.post("/v1/webhooks/endpoints")
                        .as(org)
                        .json("{\"url\": \"https://hooks.example.com/scaling\"}")
                        .send()
                        .expect(201)
                        .data()
                        .get("id")
                        .asText();
        JsonNode rotated =
                http.post(path + "/secret").as(org).send().expect(200).data();
        assertTrue(rotated.get("previousSecretExpiresAt").isTextual(), rotated.toString());
        assertTrue(http.get(path)
                .as(org)
                .send()
                .expect(200)
                .data()
                .get("previousSecretExpiresAt")
                .isTextual());

        JsonNode retired = http.delete(path + "/secret/previous")
                .as(org)
                .send()
                .expect(200)
                .data();
        assertFalse(retired.path("previousSecretExpiresAt").isTextual(), retired.toString());
        assertFalse(http.get(path)
                .as(org)
                .send()
                .expect(200)
                .data()
                .path("previousSecretExpiresAt")
                .isTextual());
    }
}
