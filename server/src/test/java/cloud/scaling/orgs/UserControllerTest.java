package cloud.scaling.orgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GET /v1/users: the caller's organization only, in the shape the Terraform provider reads. */
class UserControllerTest {

    private final TestServer server = TestServer.shared();

    @Test
    void listsTheOrganizationsUsersAndNoOneElse() {
        Provisioned org = server.newOrganization();
        Provisioned member = server.newMember(org.orgId());
        server.newOrganization();

        JsonNode users = server.api(member.apiKey())
                .get("/v1/users")
                .assertStatus(200)
                .data()
                .get("users");
        assertEquals(2, users.size());
        // By id, not position: both users may be created in the same millisecond, and ties sort by random id.
        Map<String, JsonNode> byId = new HashMap<>();
        users.forEach(user -> byId.put(user.get("id").asText(), user));
        assertEquals(Set.of(org.userId(), member.userId()), byId.keySet());
        JsonNode admin = byId.get(org.userId());
        List<String> fields = new java.util.ArrayList<>();
        admin.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "firstName", "lastName", "email", "role"), fields);
        assertEquals("org:admin", admin.get("role").asText());
        assertEquals("org:member", byId.get(member.userId()).get("role").asText());
        assertTrue(
                admin.get("firstName").isNull() && admin.get("email").asText().contains("@"));
    }
}
