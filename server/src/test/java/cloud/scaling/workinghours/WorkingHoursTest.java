package cloud.scaling.workinghours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ApiClient;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /v1/working-hours as the official Terraform provider drives it. */
class WorkingHoursTest {

    private static final String UK = "{\"name\":\"UK office hours\",\"timezone\":\"Europe/London\",\"windows\":"
            + "[{\"days\":[1,2,3,4,5],\"start\":\"09:00\",\"end\":\"17:00\"}]}";

    private final TestServer server = TestServer.shared();

    /** Create, read, list, replace with the full state, delete, read gone: every read equals what was written. */
    @Test
    void terraformProviderLifecycle() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        JsonNode created = api.post("/v1/working-hours", UK).assertStatus(201).data();
        String id = created.get("id").asText();
        assertTrue(id.startsWith("wh_"), id);
        assertEquals(
                List.of("id", "orgId", "name", "timezone", "windows", "createdAt", "updatedAt"), fieldNames(created));
        assertEquals(
                "[{\"days\":[1,2,3,4,5],\"start\":\"09:00\",\"end\":\"17:00\"}]",
                created.get("windows").toString());
        assertEquals(
                created, api.get("/v1/working-hours/" + id).assertStatus(200).data());
        assertEquals(List.of(created), list(api));

        String replacement = "{\"name\":\"Night shift\",\"timezone\":\"America/New_York\",\"windows\":"
                + "[{\"days\":[5,1,3],\"start\":\"22:00\",\"end\":\"06:00\"},"
                + "{\"days\":[6],\"start\":\"10:00\",\"end\":\"12:30\"}]}";
        JsonNode updated = api.patch("/v1/working-hours/" + id, replacement)
                .assertStatus(200)
                .data();
        assertEquals("Night shift", updated.get("name").asText());
        assertEquals("America/New_York", updated.get("timezone").asText());
        assertEquals(
                "[{\"days\":[5,1,3],\"start\":\"22:00\",\"end\":\"06:00\"},"
                        + "{\"days\":[6],\"start\":\"10:00\",\"end\":\"12:30\"}]",
                updated.get("windows").toString(),
                "days and windows in the order sent");
        assertEquals(created.get("createdAt"), updated.get("createdAt"));
        assertEquals(
                updated, api.get("/v1/working-hours/" + id).assertStatus(200).data());

        api.send("DELETE", "/v1/working-hours/" + id, null, null).assertStatus(204);
        api.get("/v1/working-hours/" + id).assertError(404, "invalid_request_error", "not_found");
        api.send("DELETE", "/v1/working-hours/" + id, null, null)
                .assertError(404, "invalid_request_error", "not_found");
        assertEquals(List.of(), list(api));
    }

    @Test
    void timezonesMustBeIanaRegionNames() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        for (String zone : List.of("Mars/Olympus_Mons", "+02:00", "EST", "europe/london")) {
            String message = api.post("/v1/working-hours", UK.replace("Europe/London", zone))
                    .assertError(422, "validation_error", "invalid_timezone")
                    .get("message")
                    .asText();
            assertTrue(message.startsWith("timezone: "), message);
        }
        api.post("/v1/working-hours", UK.replace("Europe/London", "UTC")).assertStatus(201);
    }

    @Test
    void unusableWindowsAreRefusedNamingTheWindow() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String empty = api.post("/v1/working-hours", UK.replace("17:00", "09:00"))
                .assertError(422, "validation_error", "invalid_window")
                .get("message")
                .asText();
        assertTrue(empty.startsWith("windows[0]: "), empty);
        api.post("/v1/working-hours", UK.replace("[1,2,3,4,5]", "[1,2,1]"))
                .assertError(422, "validation_error", "invalid_window");
        ApiClient unchecked = api.uncheckedRequests("a time that does not exist, day 0, no window");
        unchecked
                .post("/v1/working-hours", UK.replace("17:00", "24:00"))
                .assertError(422, "validation_error", "invalid_format");
        unchecked
                .post("/v1/working-hours", UK.replace("[1,2,3,4,5]", "[0]"))
                .assertError(422, "validation_error", "out_of_range");
        unchecked
                .post(
                        "/v1/working-hours",
                        UK.replace("[{\"days\":[1,2,3,4,5],\"start\":\"09:00\",\"end\":\"17:00\"}]", "[]"))
                .assertError(422, "validation_error", "too_short");
    }

    private static List<JsonNode> list(ApiClient api) {
        JsonNode data = api.get("/v1/working-hours").assertStatus(200).data();
        assertTrue(data.isArray(), "a bare array, as the provider reads it");
        List<JsonNode> rows = new ArrayList<>();
        data.forEach(rows::add);
        return rows;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
