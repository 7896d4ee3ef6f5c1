package cloud.scaling.orgs;

import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /v1/users: the caller's organization only, in the shape the Terraform provider reads. */
class UserControllerTest {

    private final TestServer server = TestServer.shared();

    @Test
    void listsTheOrganizationsUsersAndNoOneElse() {
        Provisioned org = server.newOrganization();
        Provisioned member = server.newMember(org.orgId());
        server.newOrganization();

        JsonNode users = server.api(member.apiKey()).get("/v1/users").assertStatus(200).data().get("users");
        assertEquals(2, users.size());
        Set<String> ids = new HashSet<>();
        users.forEach(user -> ids.add(user.get("id").asText()));
        assertEquals(Set.of(org.userId(), member.userId()), ids);
        JsonNode admin = users.get(0);
        List<String> fields = new java.util.ArrayList<>();
        admin.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "firstName", "lastName", "email", "role"), fields);
        assertEquals("org:admin", admin.get("role").asText());
        assertEquals("org:member", users.get(1).get("role").asText());
        assertTrue(admin.get("firstName").isNull() && admin.get("email").asText().contains("@"));
    }
}
