package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.Reply;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * getResponderPage, acknowledgeFromPage and resolveFromPage: the pages a page's link opens, for a person (HTML, a
 * strict Content-Security-Policy), acting as the paged user with the audit's {@code channel}; the malformed path is
 * the API's JSON error. The email that carries the links is PageLinksTest's (server module) and ResponderBrowserTest's.
 */
class ResponderContractTest extends ServerContractTest {

    private final Org org = newOrg();

    @Test
    void theLinkShowsTheIncidentAndItsButtonsActAsThePagedUser() {
        String token = server.pageToken(org);
        Reply page = http.get("/respond/" + token).send().expect(200);
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        assertTrue(page.header("Content-Security-Policy").startsWith("default-src 'none'"));
        assertTrue(page.body().contains("action=\"/respond/" + token + "/acknowledge\""), page.body());
        String incident = http.get("/v1/incidents")
                .as(org)
                .send()
                .expect(200)
                .data()
                .get("incidents")
                .get(0)
                .get("id")
                .asText();

        http.post("/respond/" + token + "/acknowledge")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .send()
                .expect(200);
        http.post("/respond/" + token + "/resolve")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .send()
                .expect(200);
        JsonNode detail =
                http.get("/v1/incidents/" + incident).as(org).send().expect(200).data();
        assertEquals(org.userId(), detail.get("acknowledgedBy").asText());
        assertEquals("resolved", detail.get("status").asText());
        for (JsonNode event : detail.get("auditTrail")) {
            if (List.of("incident_acknowledged", "status_changed")
                    .contains(event.get("type").asText())) {
                assertEquals("page_email", event.get("details").get("channel").asText(), event.toString());
            }
        }
    }

    @Test
    void aPathThatIsNotTextIsRefusedAsEveryPathIs() {
        http.get("/respond/ptk_x%00").send().expectError(422, "invalid_format");
        http.post("/respond/ptk_x%00/acknowledge").send().expectError(422, "invalid_format");
        http.post("/respond/ptk_x%00/resolve").send().expectError(422, "invalid_format");
    }
}
