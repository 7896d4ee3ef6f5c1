package cloud.scaling.admin;

import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin command, run against the database of a server that is running, as an operator would. */
class AdminCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void createOrgPrintsOneJsonLineWhoseKeyWorksAndRevokeKeyDisablesIt() throws Exception {
        try (TestServer server = TestServer.dedicated()) {
            Run created = admin(server, "admin", "create-org", "--name", "Acme", "--admin-email", "ops@acme.test");
            assertEquals(0, created.exitCode(), created.stderr());
            String[] lines = created.stdout().strip().split("\n");
            assertEquals(1, lines.length, created.stdout());
            JsonNode org = JSON.readTree(lines[0]);
            assertEquals(3, org.size());
            assertTrue(org.get("orgId").asText().startsWith("org_"));
            assertTrue(org.get("userId").asText().startsWith("user_"));
            String key = org.get("apiKey").asText();
            assertTrue(key.matches("scl_live_[0-9A-Za-z]{32}"), key);

            JsonNode incident = server.api(key).post("/v1/incidents", "{\"title\":\"t\",\"severity\":\"low\"}")
                    .assertStatus(201).data();
            assertEquals(org.get("orgId").asText(), incident.get("orgId").asText());
            assertEquals(org.get("userId").asText(), incident.get("createdBy").asText());

            Run member = admin(server, "admin", "create-user", "--org-id", org.get("orgId").asText(),
                    "--email", "dev@acme.test");
            assertEquals(0, member.exitCode(), member.stderr());
            String memberKey = JSON.readTree(member.stdout()).get("apiKey").asText();

            Run revoked = admin(server, "admin", "revoke-key", "--key-prefix", key.substring(0, 17));
            assertEquals(0, revoked.exitCode(), revoked.stderr());
            server.api(key).get("/v1/incidents").assertError(401, "not_authorized_error", "invalid_api_key");
            server.api(memberKey).get("/v1/incidents").assertStatus(200);

            Run again = admin(server, "admin", "revoke-key", "--key-prefix", key.substring(0, 17));
            assertEquals(1, again.exitCode(), "nothing left to revoke");
        }
    }

    @Test
    void issueKeyAndListKeysShowPrefixesButNeverTheKeys() throws Exception {
        try (TestServer server = TestServer.dedicated()) {
            JsonNode org = JSON.readTree(admin(server, "admin", "create-org", "--name", "Acme", "--admin-email",
                    "ops@acme.test").stdout());
            String userId = org.get("userId").asText();

            Run issued = admin(server, "admin", "issue-key", "--user-id", userId);
            assertEquals(0, issued.exitCode(), issued.stderr());
            String key = JSON.readTree(issued.stdout()).get("apiKey").asText();
            server.api(key).get("/v1/users").assertStatus(200);

            Run listed = admin(server, "admin", "list-keys", "--user-id", userId);
            assertEquals(0, listed.exitCode(), listed.stderr());
            JsonNode keys = JSON.readTree(listed.stdout());
            assertEquals(2, keys.size());
            assertEquals(key.substring(0, 17), keys.get(1).get("displayPrefix").asText());
            assertTrue(!listed.stdout().contains(key) && !listed.stdout().contains(org.get("apiKey").asText()),
                    listed.stdout());

            assertEquals(1, admin(server, "admin", "issue-key", "--user-id", "user_none").exitCode());
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        try (TestServer server = TestServer.dedicated()) {
            assertEquals(2, admin(server, "admin").exitCode());
            assertEquals(2, admin(server, "admin", "launch-rockets").exitCode());
            assertEquals(2, admin(server, "admin", "create-org", "--name").exitCode());
            assertEquals(1, admin(server, "admin", "create-org", "--name", "Acme").exitCode(), "missing email");
        }
    }

    /** Runs the command with the server's database configured the way an operator's environment would. */
    private static Run admin(TestServer server, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Map<String, Object> database = server.databaseProperties();
        database.forEach((name, value) -> System.setProperty(name, value.toString()));
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int exit = AdminCommand.run(args);
            return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            database.keySet().forEach(System::clearProperty);
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }
}
