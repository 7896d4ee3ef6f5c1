package cloud.scaling.orgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a change of a user's details leaves behind that the wire does not show: the team's audit trail, a removed user's address. */
class UserDetailsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestServer server = TestServer.shared();

    @Test
    void aChangeThroughTheApiIsRecordedWithWhoMadeItAndTheOldAndNewValues() throws Exception {
        Provisioned org = server.newOrganization();
        String before = "before-" + UUID.randomUUID() + "@example.com";
        String after = "after-" + UUID.randomUUID() + "@example.com";
        Provisioned member = server.newMember(org.orgId(), before);

        server.api(org.apiKey())
                .patch("/v1/users/" + member.userId(), "{\"email\":\"" + after + "\",\"firstName\":\"Ada\"}")
                .assertStatus(200);
        // The same values again change nothing, and record nothing.
        server.api(member.apiKey())
                .patch("/v1/users/" + member.userId(), "{\"email\":\"" + after + "\"}")
                .assertStatus(200);

        List<List<Object>> events = server.query(
                "SELECT type, actor_id, org_id, details FROM team_events WHERE subject_id = ?", member.userId());
        assertEquals(1, events.size(), events.toString());
        assertEquals(
                List.of("member_details_changed", org.userId(), org.orgId()),
                events.get(0).subList(0, 3));
        JsonNode details = JSON.readTree(events.get(0).get(3).toString());
        assertEquals(before, details.get("previousEmail").asText());
        assertEquals(after, details.get("email").asText());
        assertTrue(details.get("previousFirstName").isNull(), details.toString());
        assertEquals("Ada", details.get("firstName").asText());
        assertEquals(4, details.size(), "only the fields that changed: " + details);
    }

    @Test
    void anOperatorsChangeIsNoUsersAndNotInTheTeamsTrail() {
        Provisioned org = server.newOrganization();
        server.context()
                .getBean(Provisioning.class)
                .setEmail(org.userId(), "operator-set-" + UUID.randomUUID() + "@example.com");
        assertEquals(List.of(), server.query("SELECT type FROM team_events WHERE subject_id = ?", org.userId()));
    }

    @Test
    void aRemovedUsersAddressStaysTheirsSinceAnInvitationToItBringsThemBack() {
        Provisioned org = server.newOrganization();
        String gone = "gone-" + UUID.randomUUID() + "@example.com";
        Provisioned removed = server.newMember(org.orgId(), gone);
        Provisioned member = server.newMember(org.orgId());
        server.api(org.apiKey())
                .send("DELETE", "/v1/team/members/" + removed.userId(), null, null)
                .assertStatus(204);

        server.api(member.apiKey())
                .patch("/v1/users/" + member.userId(), "{\"email\":\"" + gone + "\"}")
                .assertError(409, "invalid_request_error", "email_in_use");
        server.api(org.apiKey())
                .patch("/v1/users/" + removed.userId(), "{\"firstName\":\"Back\"}")
                .assertError(404, "invalid_request_error", "not_found");
    }
}
