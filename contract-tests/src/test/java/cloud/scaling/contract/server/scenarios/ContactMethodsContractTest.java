package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A user's chat contact methods: added, listed masked, deleted; a member's own only; the limit; a bad URL. */
class ContactMethodsContractTest extends ServerContractTest {

    private static final String SLACK = "{\"type\": \"slack\", \"url\": "
            + "\"https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXy9z\"}";

    private final Org org = newOrg();

    @Test
    void aMemberManagesTheirOwnAndAnAdminAnyones() {
        Org member = newMember(org);
        String own = "/v1/users/" + member.userId() + "/contact-methods";
        JsonNode created =
                http.post(own).as(member).json(SLACK).send().expect(201).data();
        assertEquals("https://hooks.slack.com/…Xy9z", created.get("maskedUrl").asText());
        assertEquals(
                1,
                http.get(own)
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .get("contactMethods")
                        .size());

        String admins = "/v1/users/" + org.userId() + "/contact-methods";
        http.get(admins).as(member).send().expectError(401, "not_authorized");
        http.post(admins).as(member).json(SLACK).send().expectError(401, "not_authorized");
        http.delete(admins + "/cm_none").as(member).send().expectError(401, "not_authorized");

        http.delete(own + "/" + created.get("id").asText()).as(org).send().expect(204);
        http.delete(own + "/" + created.get("id").asText()).as(member).send().expectError(404, "not_found");
    }

    @Test
    void aBadUrlAndAnEleventhAreRefused() {
        String own = "/v1/users/" + org.userId() + "/contact-methods";
        http.post(own)
                .as(org)
                .json("{\"type\": \"teams\", \"url\": \"ftp://example.com/x\"}")
                .send()
                .expectError(422, "invalid_url");
        for (int i = 0; i < 10; i++) {
            http.post(own).as(org).json(SLACK).send().expect(201);
        }
        http.post(own).as(org).json(SLACK).send().expectError(409, "too_many_contact_methods");
    }
}
