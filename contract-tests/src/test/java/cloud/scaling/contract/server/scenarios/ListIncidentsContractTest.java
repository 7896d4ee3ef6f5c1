package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** listIncidents: newest first, keyset paging with opaque signed cursors, filters. */
class ListIncidentsContractTest extends ServerContractTest {

    private final Org org = newOrg();

    @Test
    void pagesThroughEveryIncidentNewestFirst() {
        Set<String> created = new HashSet<>();
        for (String severity : List.of("low", "high", "critical")) {
            created.add(create(severity));
        }
        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = http.get("/v1/incidents?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .as(org)
                    .send()
                    .expect(200)
                    .data();
            page.get("incidents").forEach(seen::add);
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);

        assertEquals(
                created,
                seen.stream().map(incident -> incident.get("id").asText()).collect(Collectors.toSet()));
        assertEquals(created.size(), seen.size(), "no incident on two pages");
        for (int i = 1; i < seen.size(); i++) {
            String newer = seen.get(i - 1).get("createdAt").asText();
            String older = seen.get(i).get("createdAt").asText();
            assertTrue(newer.compareTo(older) >= 0, "newest first: " + newer + " before " + older);
        }
    }

    @Test
    void filtersBySeverity() {
        create("low");
        String high = create("high");
        JsonNode page = http.get("/v1/incidents?severity=high")
                .as(org)
                .send()
                .expect(200)
                .data();
        assertEquals(1, page.get("incidents").size());
        assertEquals(high, page.get("incidents").get(0).get("id").asText());
    }

    @Test
    void aTamperedCursorIsRefused() {
        create("low");
        create("low");
        String cursor = http.get("/v1/incidents?limit=1")
                .as(org)
                .send()
                .expect(200)
                .data()
                .get("nextCursor")
                .asText();
        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");
        http.get("/v1/incidents?cursor=" + tampered).as(org).send().expectError(422, "invalid_cursor", "cursor");
    }

    @Test
    void anotherOrganizationsCursorIsRefused() {
        create("low");
        create("low");
        String cursor = http.get("/v1/incidents?limit=1")
                .as(org)
                .send()
                .expect(200)
                .data()
                .get("nextCursor")
                .asText();
        assertTrue(!cursor.isEmpty());
        http.get("/v1/incidents?cursor=" + cursor).as(newOrg()).send().expectError(422, "invalid_cursor", "cursor");
    }

    @Test
    void fromMustNotBeAfterTo() {
        http.get("/v1/incidents?from=2026-04-30&to=2026-04-01")
                .as(org)
                .send()
                .expectError(422, "invalid_date_range", "from");
    }

    private String create(String severity) {
        return http.post("/v1/incidents")
                .as(org)
                .json("{\"title\": \"t\", \"severity\": \"" + severity + "\"}")
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
    }
}
