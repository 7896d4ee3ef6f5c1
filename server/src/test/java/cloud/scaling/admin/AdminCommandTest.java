package cloud.scaling.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cloud.scaling.support.TestDatabase;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin command, run against the database of a server that is running, as an operator would: every command,
 * its output, and for each kind of failure its exit code and its one line on stderr.
 */
class AdminCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.dedicated();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createOrgPrintsOneJsonLineWhoseKeyWorksAndRevokeKeyDisablesIt() throws Exception {
        Run created = admin("create-org", "--name", "Acme", "--admin-email", unique("ops"));
        assertEquals(0, created.exitCode(), created.stderr());
        assertEquals(
                "Database: "
                        + AdminCli.describe(server.databaseProperties()
                                .get("datasources.default.url")
                                .toString()),
                created.stderr().strip(),
                "one line on stderr: the database it acted on");
        String[] lines = created.stdout().strip().split("\n");
        assertEquals(1, lines.length, created.stdout());
        JsonNode org = JSON.readTree(lines[0]);
        assertEquals(3, org.size());
        assertTrue(org.get("orgId").asText().startsWith("org_"));
        assertTrue(org.get("userId").asText().startsWith("user_"));
        String key = org.get("apiKey").asText();
        assertTrue(key.matches("scl_live_[0-9A-Za-z]{32}"), key);

        JsonNode incident = server.api(key)
                .post("/v1/incidents", "{\"title\":\"t\",\"severity\":\"low\"}")
                .assertStatus(201)
                .data();
        assertEquals(org.get("orgId").asText(), incident.get("orgId").asText());
        assertEquals(org.get("userId").asText(), incident.get("createdBy").asText());

        Run member = admin("create-user", "--org-id", org.get("orgId").asText(), "--email", unique("dev"));
        assertEquals(0, member.exitCode(), member.stderr());
        String memberKey = JSON.readTree(member.stdout()).get("apiKey").asText();

        Run revoked = admin("revoke-key", "--key-prefix", key.substring(0, 17));
        assertEquals(0, revoked.exitCode(), revoked.stderr());
        assertEquals(
                key.substring(0, 17),
                JSON.readTree(revoked.stdout()).get("revoked").asText());
        server.api(key).get("/v1/incidents").assertError(401, "not_authorized_error", "invalid_api_key");
        server.api(memberKey).get("/v1/incidents").assertStatus(200);

        assertFailure(
                admin("revoke-key", "--key-prefix", key.substring(0, 17)),
                AdminCommand.NOT_FOUND,
                "No active key has the prefix " + key.substring(0, 17));
    }

    @Test
    void issueKeyAndListKeysShowPrefixesAndLastUseButNeverTheKeys() throws Exception {
        JsonNode org = createOrg();
        String userId = org.get("userId").asText();

        Run issued = admin("issue-key", "--user-id", userId);
        assertEquals(0, issued.exitCode(), issued.stderr());
        JsonNode issuedKey = JSON.readTree(issued.stdout());
        String key = issuedKey.get("key").asText();
        assertEquals(key.substring(0, 17), issuedKey.get("prefix").asText(), "the API's field names");
        server.api(key).get("/v1/users").assertStatus(200);

        Run listed = admin("list-keys", "--user-id", userId);
        assertEquals(0, listed.exitCode(), listed.stderr());
        JsonNode keys = JSON.readTree(listed.stdout());
        assertEquals(2, keys.size());
        assertEquals(
                org.get("apiKey").asText().substring(0, 17),
                keys.get(0).get("prefix").asText());
        assertEquals(key.substring(0, 17), keys.get(1).get("prefix").asText());
        // lastUsedAt is written behind the requests (batched), and a field that is null is left out.
        assertTrue(keys.get(1).has("createdAt") && keys.get(1).has("id"), listed.stdout());
        assertFalse(
                listed.stdout().contains(key)
                        || listed.stdout().contains(org.get("apiKey").asText()),
                listed.stdout());

        assertFailure(admin("issue-key", "--user-id", "user_none"), AdminCommand.NOT_FOUND, "No member user_none");
        assertFailure(admin("list-keys", "--user-id", "user_none"), AdminCommand.NOT_FOUND, "No user user_none");
    }

    @Test
    void listOrgsAndListUsersShowWhatWasCreatedAndSetNameRenames() throws Exception {
        JsonNode org = createOrg();
        String orgId = org.get("orgId").asText();
        String memberEmail = unique("dev");
        String memberId = JSON.readTree(
                        admin("create-user", "--org-id", orgId, "--email", memberEmail, "--role", "org:admin")
                                .stdout())
                .get("userId")
                .asText();

        Run orgs = admin("list-orgs");
        assertEquals(0, orgs.exitCode(), orgs.stderr());
        JsonNode listedOrg = find(JSON.readTree(orgs.stdout()), orgId);
        assertEquals("Acme", listedOrg.get("name").asText());

        Run renamed = admin("set-name", "--user-id", memberId, "--first-name", "Ada", "--last-name", "Lovelace");
        assertEquals(0, renamed.exitCode(), renamed.stderr());
        assertEquals("Ada", JSON.readTree(renamed.stdout()).get("firstName").asText());

        Run users = admin("list-users", "--org-id", orgId);
        assertEquals(0, users.exitCode(), users.stderr());
        JsonNode listed = JSON.readTree(users.stdout());
        assertEquals(2, listed.size());
        JsonNode member = find(listed, memberId);
        assertEquals(memberEmail, member.get("email").asText());
        assertEquals("org:admin", member.get("role").asText());
        assertEquals("Lovelace", member.get("lastName").asText());
        // The server shows the same name.
        JsonNode viaApi = server.api(org.get("apiKey").asText())
                .get("/v1/users")
                .assertStatus(200)
                .data();
        assertEquals("Ada", find(viaApi.get("users"), memberId).get("firstName").asText());

        assertFailure(admin("list-users", "--org-id", "org_none"), AdminCommand.NOT_FOUND, "No organization org_none");
        assertFailure(
                admin("set-name", "--user-id", "user_none", "--first-name", "A", "--last-name", "B"),
                AdminCommand.NOT_FOUND,
                "No member user_none");
    }

    @Test
    void setEmailChangesTheAddressTheApiShowsAndRefusesOneTakenOrInvalid() throws Exception {
        JsonNode org = createOrg();
        String orgId = org.get("orgId").asText();
        String taken = unique("taken");
        String memberId = JSON.readTree(admin("create-user", "--org-id", orgId, "--email", taken)
                        .stdout())
                .get("userId")
                .asText();
        String adminId = org.get("userId").asText();
        String address = unique("new");

        Run changed = admin("set-email", "--user-id", adminId, "--email", address);

        assertEquals(0, changed.exitCode(), changed.stderr());
        assertEquals(address, JSON.readTree(changed.stdout()).get("email").asText());
        JsonNode viaApi = server.api(org.get("apiKey").asText())
                .get("/v1/users")
                .assertStatus(200)
                .data();
        assertEquals(address, find(viaApi.get("users"), adminId).get("email").asText());
        assertFailure(
                admin("set-email", "--user-id", adminId, "--email", taken.toUpperCase(java.util.Locale.ROOT)),
                AdminCommand.CONFLICT,
                "Another user of this organization has the email address");
        assertFailure(
                admin("set-email", "--user-id", memberId, "--email", "ops@"),
                AdminCommand.USAGE,
                "Not a valid email address: ops@");
        assertFailure(
                admin("set-email", "--user-id", "user_none", "--email", unique("x")),
                AdminCommand.NOT_FOUND,
                "No member user_none");
        assertFailure(admin("set-email", "--user-id", memberId), AdminCommand.USAGE, "--email");
        // Set-name, the older command, still renames without touching the address.
        Run renamed = admin("set-name", "--user-id", adminId, "--first-name", "Ada", "--last-name", "");
        assertEquals(0, renamed.exitCode(), renamed.stderr());
        JsonNode user = JSON.readTree(renamed.stdout());
        assertEquals(address, user.get("email").asText());
        assertFalse(user.has("lastName") && !user.get("lastName").isNull(), renamed.stdout());
    }

    @Test
    void aDuplicateEmailIsAConflictInOneLine() {
        JsonNode org = createOrg();
        String email = unique("dup");
        assertEquals(
                0,
                admin("create-user", "--org-id", org.get("orgId").asText(), "--email", email)
                        .exitCode());
        assertFailure(
                admin("create-user", "--org-id", org.get("orgId").asText(), "--email", email),
                AdminCommand.CONFLICT,
                "already has a user with the email address " + email);
        assertFailure(
                admin("create-user", "--org-id", "org_none", "--email", email),
                AdminCommand.NOT_FOUND,
                "No organization org_none");
    }

    @Test
    void invalidValuesAndUsageErrorsExitWithTwo() {
        assertFailure(
                admin("create-org", "--name", "Acme", "--admin-email", "not an address"),
                AdminCommand.USAGE,
                "Not a valid email address: not an address");
        assertFailure(
                admin("create-org", "--name", "Acme", "--admin-email", "ops@"),
                AdminCommand.USAGE,
                "Not a valid email address");
        assertFailure(
                admin("create-org", "--name", " ", "--admin-email", unique("ops")),
                AdminCommand.USAGE,
                "The organization name must be 1 to 200 characters");
        assertFailure(
                admin("create-user", "--org-id", "org_x", "--email", unique("a"), "--role", "org:owner"),
                AdminCommand.USAGE,
                "Unknown role org:owner");
        Run shortRole = admin("create-user", "--org-id", "org_x", "--email", unique("a"), "--role", "admin");
        assertFailure(shortRole, AdminCommand.USAGE, "Unknown role admin; one of org:admin, org:member");
        assertFalse(shortRole.stderr().contains("Exception"), shortRole.stderr());
        assertFailure(admin(), AdminCommand.USAGE, "Missing command");
        assertFailure(admin("launch-rockets"), AdminCommand.USAGE, "launch-rockets");
        assertFailure(admin("create-org", "--name"), AdminCommand.USAGE, "--name");
        assertFailure(
                admin("create-org", "--name", "Acme"),
                AdminCommand.USAGE,
                "Missing required option: '--admin-email=<adminEmail>' (see: admin create-org --help)");
    }

    @Test
    void everyCommandHasHelp() {
        Run help = admin("--help");
        assertEquals(0, help.exitCode());
        for (String command : new String[] {
            "create-org",
            "create-user",
            "list-orgs",
            "list-users",
            "set-name",
            "set-email",
            "list-keys",
            "issue-key",
            "revoke-key",
            "backup"
        }) {
            assertTrue(help.stdout().contains(command), help.stdout());
            Run commandHelp = admin(command, "--help");
            assertEquals(0, commandHelp.exitCode(), command);
            assertTrue(commandHelp.stdout().startsWith("Usage: admin " + command), commandHelp.stdout());
            Run version = admin(command, "--version");
            assertEquals(0, version.exitCode(), command);
            assertTrue(version.stdout().startsWith("scaling-server "), command + ": " + version.stdout());
        }
        assertTrue(help.stdout().contains("3 not found"), help.stdout());
    }

    @Test
    void anUnreachableDatabaseIsDatabaseTroubleInOneLine() {
        Map<String, Object> unreachable = new HashMap<>(server.databaseProperties());
        unreachable.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:1/none");
        unreachable.put("datasources.default.connection-timeout", 1000);
        assertFailure(run(unreachable, "list-orgs"), AdminCommand.DATABASE, "Database trouble: ");
    }

    @Test
    void backupWritesAConsistentCopyOfTheRunningH2DatabaseThatRestores(@TempDir Path dir) throws Exception {
        assumeFalse(TestDatabase.isPostgres(), "H2's backup; PostgreSQL has pg_dump");
        JsonNode org = createOrg();
        String key = org.get("apiKey").asText();
        String id = server.api(key).createIncident("Before the backup");
        Path zip = dir.resolve("scaling-backup.zip");

        Run backup = admin("backup", "--to", zip.toString());

        assertEquals(0, backup.exitCode(), backup.stderr());
        JsonNode written = JSON.readTree(backup.stdout());
        assertEquals(zip.toString(), written.get("file").asText());
        assertEquals(Files.size(zip), written.get("bytes").asLong());
        assertFailure(admin("backup", "--to", zip.toString()), AdminCommand.CONFLICT, "exists; name a new file");

        // Restored as the README says: the zip's files in a data directory, a server started on it.
        Path restored = Files.createDirectory(dir.resolve("restored"));
        String name;
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry = entries.getNextEntry();
            name = entry.getName();
            Files.copy(entries, restored.resolve(name));
            assertEquals(null, entries.getNextEntry(), "one database file");
        }
        String url = "jdbc:h2:file:" + restored.resolve(name.replaceFirst("\\.mv\\.db$", ""));
        try (TestServer copy = TestServer.dedicated(Map.of("datasources.default.url", url))) {
            copy.api(key).get("/v1/incidents/" + id).assertStatus(200);
        }
    }

    @Test
    void backupOfPostgresNamesItsOwnTools() {
        assumeTrue(TestDatabase.isPostgres(), "the refusal PostgreSQL gets");
        assertFailure(admin("backup", "--to", "/tmp/never.zip"), AdminCommand.USAGE, "pg_dump");
    }

    private static JsonNode createOrg() {
        try {
            Run created = admin("create-org", "--name", "Acme", "--admin-email", unique("ops"));
            assertEquals(0, created.exitCode(), created.stderr());
            return JSON.readTree(created.stdout());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    private static String unique(String local) {
        return local + "-" + UUID.randomUUID() + "@acme.test";
    }

    /**
     * Nothing on stdout, exactly one line on stderr that contains {@code message} (after the database's, when the
     * command reached it), and this exit code.
     */
    private static void assertFailure(Run run, int exitCode, String message) {
        assertEquals(exitCode, run.exitCode(), run.stderr());
        assertEquals("", run.stdout());
        String[] lines =
                run.stderr().strip().replaceFirst("\\ADatabase: .*\n", "").split("\n");
        assertEquals(1, lines.length, run.stderr());
        assertTrue(lines[0].contains(message), run.stderr());
    }

    private static Run admin(String... args) {
        return run(server.databaseProperties(), args);
    }

    /** Runs the command with the server's database configured the way an operator's environment would. */
    private static Run run(Map<String, Object> database, String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        String[] withAdmin = new String[args.length + 1];
        withAdmin[0] = "admin";
        System.arraycopy(args, 0, withAdmin, 1, args.length);
        int exit = AdminCommand.run(
                withAdmin,
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                database);
        return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String stdout, String stderr) {}
}
