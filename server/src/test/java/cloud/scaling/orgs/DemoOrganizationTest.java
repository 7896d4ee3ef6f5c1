package cloud.scaling.orgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.TestDatabase;
import cloud.scaling.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo organization that makes a fresh server usable without a dashboard. */
class DemoOrganizationTest {

    private static final Pattern KEY = Pattern.compile("scl_live_[0-9A-Za-z]{32}");
    private static final String PRESET = "scl_live_Demo0000000000000000000000000001";

    @Test
    void aFreshEmbeddedDatabasePrintsAWorkingKeyOnceAndPostgresStaysEmpty() {
        Started first = startCapturingStdout(TestServer::dedicated);
        try (TestServer server = first.server()) {
            Matcher key = KEY.matcher(first.stdout());
            if (TestDatabase.isPostgres()) {
                assertFalse(key.find(), "nothing is created on PostgreSQL without SCALING_DEMO_API_KEY");
                assertEquals(
                        0L,
                        server.query("SELECT COUNT(*) FROM organizations")
                                .get(0)
                                .get(0));
                return;
            }
            assertTrue(key.find(), first.stdout());
            server.api(key.group()).get("/v1/incidents").assertStatus(200);
            assertEquals("admin@demo.scaling.local", demoAdminEmail(server, key.group()), "the default address");
            assertTrue(first.stdout().contains("(admin@demo.scaling.local)"), "the start names it: " + first.stdout());
            server.close();
            Started again = startCapturingStdout(server::restartedOnSameDatabase);
            try (TestServer restarted = again.server()) {
                assertFalse(KEY.matcher(again.stdout()).find(), "printed only on the first start");
                restarted.api(key.group()).get("/v1/incidents").assertStatus(200);
            }
        }
    }

    @Test
    void aPresetKeyCreatesTheDemoOrganizationOnAnyEmptyDatabase() {
        try (TestServer server = TestServer.dedicated(Map.of("scaling.demo-api-key", PRESET))) {
            server.api(PRESET)
                    .post("/v1/incidents", "{\"title\":\"t\",\"severity\":\"low\"}")
                    .assertStatus(201);
            assertEquals(
                    1L,
                    ((Number) server.query("SELECT COUNT(*) FROM organizations")
                                    .get(0)
                                    .get(0))
                            .longValue());
            assertEquals(
                    "Demo",
                    server.query("SELECT name FROM organizations").get(0).get(0));
        }
    }

    @Test
    void theDemoAdminsAddressIsTheSettingsAtFirstStart() {
        try (TestServer server = TestServer.dedicated(
                Map.of("scaling.demo-api-key", PRESET, "scaling.demo-admin-email", "oncall@example.com"))) {
            assertEquals("oncall@example.com", demoAdminEmail(server, PRESET));
        }
    }

    @Test
    void anInvalidDemoAdminAddressStopsTheServer() {
        RuntimeException refused = assertThrows(
                RuntimeException.class,
                () -> TestServer.dedicated(
                                Map.of("scaling.demo-api-key", PRESET, "scaling.demo-admin-email", "oncall@"))
                        .close());
        assertTrue(
                String.valueOf(rootMessage(refused)).contains("SCALING_DEMO_ADMIN_EMAIL is not a valid email address"),
                String.valueOf(rootMessage(refused)));
    }

    @Test
    void aMalformedPresetKeyStopsTheServer() {
        assertThrows(
                RuntimeException.class,
                () -> TestServer.dedicated(Map.of("scaling.demo-api-key", "scl_live_tooShort"))
                        .close());
    }

    private static String demoAdminEmail(TestServer server, String key) {
        return server.api(key)
                .get("/v1/users")
                .assertStatus(200)
                .data()
                .get("users")
                .get(0)
                .get("email")
                .asText();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static Started startCapturingStdout(Supplier<TestServer> start) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            TestServer server = start.get();
            return new Started(server, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private record Started(TestServer server, String stdout) {}
}
