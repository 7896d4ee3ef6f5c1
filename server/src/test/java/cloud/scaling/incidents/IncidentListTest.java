package cloud.scaling.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /v1/incidents: newest first, keyset paging, filters, cursors that cannot be forged or shared. */
class IncidentListTest {

    private final TestServer server = TestServer.shared();

    @AfterEach
    void releaseClock() {
        server.clock().release();
    }

    @Test
    void pagingThrough250IncidentsReturnsEachExactlyOnceNewestFirst() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        List<Created> created = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            // Groups of three share a millisecond, so the id must break ties for the order to be total.
            server.clock().pin(start.plusMillis(i / 3));
            JsonNode incident = api.post("/v1/incidents", body("Incident " + i, "low"))
                    .assertStatus(201)
                    .data();
            created.add(new Created(
                    incident.get("id").asText(),
                    Instant.parse(incident.get("createdAt").asText())));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/v1/incidents?limit=7" + (cursor == null ? "" : "&cursor=" + encode(cursor)))
                    .assertStatus(200)
                    .data();
            JsonNode incidents = page.get("incidents");
            assertTrue(incidents.size() <= 7);
            incidents.forEach(incident -> seen.add(incident.get("id").asText()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);

        assertEquals(36, pages, "250 rows in pages of 7");
        assertEquals(250, new HashSet<>(seen).size(), "no incident twice");
        List<String> expected = created.stream()
                .sorted(Comparator.comparing(Created::createdAt)
                        .thenComparing(Created::id, IncidentListTest::uuidOrder)
                        .reversed())
                .map(Created::id)
                .toList();
        assertEquals(expected.size(), seen.size());
        assertEquals(Set.copyOf(expected), Set.copyOf(seen));
        for (int i = 1; i < seen.size(); i++) {
            Created before = byId(created, seen.get(i - 1));
            Created after = byId(created, seen.get(i));
            assertFalse(after.createdAt().isAfter(before.createdAt()), "newest first at position " + i);
        }
    }

    @Test
    void lastPageHasNullCursorAndAnEmptyOrgAnEmptyPage() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        JsonNode empty = api.get("/v1/incidents").assertStatus(200).data();
        assertEquals(0, empty.get("incidents").size());
        assertTrue(empty.get("nextCursor").isNull());

        for (int i = 0; i < 3; i++) {
            api.post("/v1/incidents", body("t" + i, "low")).assertStatus(201);
        }
        JsonNode exact = api.get("/v1/incidents?limit=3").assertStatus(200).data();
        assertEquals(3, exact.get("incidents").size());
        assertTrue(exact.get("nextCursor").isNull(), "no empty trailing page when the page is exactly full");
        assertEquals(3, api.get("/v1/incidents").data().get("incidents").size(), "default limit 20");
    }

    @Test
    void defaultLimitIsTwenty() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        for (int i = 0; i < 21; i++) {
            api.post("/v1/incidents", body("t" + i, "low")).assertStatus(201);
        }
        JsonNode page = api.get("/v1/incidents").assertStatus(200).data();
        assertEquals(20, page.get("incidents").size());
        assertFalse(page.get("nextCursor").isNull());
        assertEquals(
                100,
                api.get("/v1/incidents?limit=100")
                                .assertStatus(200)
                                .data()
                                .get("incidents")
                                .size()
                        + 79);
    }

    @Test
    void filtersByStatusSeverityAndInclusiveCreationDays() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String first = create(api, "2026-04-01T00:00:00Z", "critical");
        String endOfDay = create(api, "2026-04-01T23:59:59.999Z", "low");
        String middle = create(api, "2026-04-02T12:00:00Z", "low");
        String last = create(api, "2026-04-03T00:00:00Z", "critical");

        assertEquals(List.of(last, first), ids(api, "severity=critical"));
        assertEquals(List.of(middle, endOfDay), ids(api, "severity=low"));
        assertEquals(List.of(last, middle, endOfDay, first), ids(api, "status=investigating"));
        assertEquals(List.of(), ids(api, "status=resolved"));
        assertEquals(List.of(middle, endOfDay, first), ids(api, "to=2026-04-02"));
        assertEquals(List.of(last, middle), ids(api, "from=2026-04-02"));
        assertEquals(List.of(endOfDay, first), ids(api, "from=2026-04-01&to=2026-04-01"));
        assertEquals(List.of(first), ids(api, "from=2026-04-01&to=2026-04-01&severity=critical"));
        assertEquals(List.of(), ids(api, "from=2026-04-04"));
    }

    @Test
    void filtersHoldAcrossPages() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        List<String> critical = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String id = create(api, "2026-05-01T00:00:0" + i + "Z", i % 2 == 0 ? "critical" : "medium");
            if (i % 2 == 0) {
                critical.add(0, id);
            }
        }
        assertEquals(critical, allPages(api, "severity=critical&limit=2"));
    }

    /** Past page 1 the position, not {@code to}, bounds the range from above (the listing sends the tighter). */
    @Test
    void aDateRangeHoldsAcrossPages() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        List<String> newestFirst = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            newestFirst.add(0, create(api, "2026-06-0" + day + "T12:00:00Z", "low"));
        }
        // newestFirst: June 7, 6, ... 1
        assertEquals(newestFirst.subList(2, 6), allPages(api, "from=2026-06-02&to=2026-06-05&limit=1"));
        assertEquals(newestFirst.subList(4, 7), allPages(api, "to=2026-06-03&limit=1"));
    }

    /** Every incident of the query, following nextCursor to the end. */
    private static List<String> allPages(ApiClient api, String query) {
        List<String> seen = new ArrayList<>();
        JsonNode page = api.get("/v1/incidents?" + query).assertStatus(200).data();
        page.get("incidents").forEach(incident -> seen.add(incident.get("id").asText()));
        while (!page.get("nextCursor").isNull()) {
            page = api.get("/v1/incidents?" + query + "&cursor="
                            + encode(page.get("nextCursor").asText()))
                    .assertStatus(200)
                    .data();
            page.get("incidents")
                    .forEach(incident -> seen.add(incident.get("id").asText()));
        }
        return seen;
    }

    @Test
    void tamperedGarbageAndForeignCursorsAre422() {
        Provisioned orgA = server.newOrganization();
        ApiClient a = server.api(orgA.apiKey());
        ApiClient b = server.api(server.newOrganization().apiKey());
        for (int i = 0; i < 3; i++) {
            a.post("/v1/incidents", body("t" + i, "low")).assertStatus(201);
        }
        String cursor = a.get("/v1/incidents?limit=1").data().get("nextCursor").asText();
        a.get("/v1/incidents?limit=1&cursor=" + encode(cursor)).assertStatus(200);

        String payload = cursor.substring(0, cursor.indexOf('.'));
        String forgedPayload = payload.substring(0, payload.length() - 2) + (payload.endsWith("AA") ? "BB" : "AA");
        List<String> bad = List.of(
                cursor + "x",
                forgedPayload + cursor.substring(cursor.indexOf('.')),
                "garbage",
                "a.b",
                ".",
                "%%%",
                cursor.replace('.', '-'));
        for (String tampered : bad) {
            JsonNode error = a.get("/v1/incidents?cursor=" + encode(tampered))
                    .assertError(422, "validation_error", "invalid_cursor");
            assertTrue(error.get("message").asText().startsWith("cursor:"));
        }
        b.get("/v1/incidents?cursor=" + encode(cursor)).assertError(422, "validation_error", "invalid_cursor");
    }

    private String create(ApiClient api, String at, String severity) {
        server.clock().pin(Instant.parse(at));
        return api.post("/v1/incidents", body("at " + at, severity))
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
    }

    private static List<String> ids(ApiClient api, String query) {
        ApiResponse response = api.get("/v1/incidents?limit=100&" + query).assertStatus(200);
        List<String> ids = new ArrayList<>();
        response.data()
                .get("incidents")
                .forEach(incident -> ids.add(incident.get("id").asText()));
        return ids;
    }

    static String body(String title, String severity) {
        return "{\"title\":\"" + title + "\",\"severity\":\"" + severity + "\"}";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Created byId(List<Created> created, String id) {
        return created.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** Ties on createdAt are in the database's UUID order, which both H2 and PostgreSQL make bytewise. */
    private static int uuidOrder(String a, String b) {
        return a.compareTo(b);
    }

    private record Created(String id, Instant createdAt) {}
}
