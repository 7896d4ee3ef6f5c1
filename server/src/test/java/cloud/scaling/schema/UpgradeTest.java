package cloud.scaling.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ApiClient;
import cloud.scaling.support.TestDatabase;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upgrades keep data: for each release with a fixture in {@code upgrade/} (test resources), a new database is brought
 * to that release's schema (the migrations it carried, "-- schema: N" in the fixture) with rows as that release wrote
 * them; this build then starts on it (migrating it) and must answer every row back through the API. Runs on H2 and
 * on PostgreSQL with the rest of the suite. Each release adds its fixture and its read-back here.
 */
class UpgradeTest {

    private static final Pattern SCHEMA = Pattern.compile("\\A-- schema: (\\S+)\n");
    private static final String KEY_100 = "scl_live_Upgrade100FixtureKey000000000000";

    /** What each release's fixture holds, read back through this build's API. */
    private static final Map<String, Consumer<ApiClient>> READ_BACK = Map.of("1.0.0", UpgradeTest::readBack100);

    static Stream<String> releases() throws IOException, URISyntaxException {
        Path dir = Path.of(
                UpgradeTest.class.getClassLoader().getResource("upgrade").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".sql"))
                    .map(name -> name.substring(0, name.length() - ".sql".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void everyFixtureHasItsReadBackAndTheFirstReleaseIsCovered() throws Exception {
        List<String> releases = releases().toList();
        assertTrue(releases.contains("1.0.0"), releases::toString);
        assertEquals(READ_BACK.keySet(), Set.copyOf(releases), "a read-back for every fixture, a fixture for each");
    }

    @ParameterizedTest(name = "from {0}")
    @MethodSource("releases")
    void aDatabaseThatReleaseWroteIsReadBackInFull(String release) throws Exception {
        String fixture = Files.readString(Path.of(getClass()
                .getClassLoader()
                .getResource("upgrade/" + release + ".sql")
                .toURI()));
        Matcher schema = SCHEMA.matcher(fixture);
        assertTrue(schema.find(), "the fixture's first line names its schema version: -- schema: N");
        Map<String, Object> database = new HashMap<>(TestDatabase.fresh());
        DataSource dataSource = TestDataSources.of(database);
        Flyway.configure().dataSource(dataSource).target(schema.group(1)).load().migrate();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : fixture.split(";\\s*\n")) {
                if (!sql.lines().allMatch(line -> line.isBlank() || line.startsWith("--"))) {
                    statement.execute(sql);
                }
            }
        }

        try (TestServer server = TestServer.dedicated(database)) {
            READ_BACK.get(release).accept(server.api(KEY_100));
            // And it goes on working: a new incident beside the old ones.
            server.api(KEY_100).createIncident("After the upgrade from " + release);
        }
    }

    /** 1.0.0: an organization, its admin's key, two users, two incidents and the cursor secret. */
    private static void readBack100(ApiClient api) {
        JsonNode list = api.get("/v1/incidents?limit=1").assertStatus(200).data();
        assertEquals(1, list.get("incidents").size());
        JsonNode newest = list.get("incidents").get(0);
        assertEquals("3f6d1c2a-0b1e-4c5d-8e9f-a1b2c3d4e5f2", newest.get("id").asText());
        assertEquals("Slow search", newest.get("title").asText());
        assertTrue(newest.get("description").isNull());
        assertEquals("low", newest.get("severity").asText());
        assertEquals("investigating", newest.get("status").asText());
        assertEquals("2026-01-08T14:00:00.000Z", newest.get("createdAt").asText());
        JsonNode next = api.get(
                        "/v1/incidents?limit=1&cursor=" + list.get("nextCursor").asText())
                .assertStatus(200)
                .data();
        JsonNode oldest = next.get("incidents").get(0);
        assertEquals("3f6d1c2a-0b1e-4c5d-8e9f-a1b2c3d4e5f1", oldest.get("id").asText());

        JsonNode incident = api.get("/v1/incidents/" + oldest.get("id").asText())
                .assertStatus(200)
                .data();
        assertEquals("Checkout errors", incident.get("title").asText());
        assertEquals(
                "HTTP 500 on /checkout since 09:12.",
                incident.get("description").asText());
        assertEquals("critical", incident.get("severity").asText());
        assertEquals("user_Upgrade100Mem01", incident.get("ownerId").asText());
        assertEquals("user_Upgrade100Adm01", incident.get("createdBy").asText());
        assertEquals("2026-01-07T09:15:00.123Z", incident.get("createdAt").asText());
        // The old incident takes part in what later releases added: its lifecycle goes on.
        api.patch("/v1/incidents/" + oldest.get("id").asText() + "/status", "{\"status\": \"identified\"}")
                .assertStatus(200);

        JsonNode users = api.get("/v1/users").assertStatus(200).data();
        assertEquals(
                List.of("ops@upgraded.example", "dev@upgraded.example"),
                users.findValuesAsText("email"),
                users::toString);
    }
}
