package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The team as an admin drives it without a UI: invite, accept with the token, change roles, remove; members'
 * own keys; and what a member (not an admin) is told.
 */
class TeamContractTest extends ServerContractTest {

    private final Org org = newOrg();

    @Test
    void inviteAcceptPromoteAndRemove() {
        String email = "jane-" + UUID.randomUUID() + "@example.com";
        JsonNode invitation = http.post("/v1/team/members/invite")
                .as(org)
                .json("{\"emailAddress\": \"" + email + "\", \"role\": \"org:member\"}")
                .send()
                .expect(201)
                .data();
        JsonNode team = http.get("/v1/team/members").as(org).send().expect(200).data();
        assertEquals(
                invitation.get("id").asText(),
                team.get("invitations").get(0).get("id").asText());

        JsonNode accepted = http.post("/v1/team/invitations/accept")
                .json("{\"token\": \"" + invitation.get("token").asText() + "\", \"firstName\": \"Jane\"}")
                .send()
                .expect(201)
                .data();
        String userId = accepted.get("member").get("id").asText();
        String key = accepted.get("apiKey").get("key").asText();
        assertEquals("org:member", accepted.get("member").get("role").asText());
        http.post("/v1/team/invitations/accept")
                .json("{\"token\": \"" + invitation.get("token").asText() + "\"}")
                .send()
                .expectError(400, "invitation_already_used");
        http.get("/v1/users").key(key).send().expect(200);

        JsonNode promoted = http.patch("/v1/team/members/" + userId + "/role")
                .as(org)
                .json("{\"role\": \"org:admin\"}")
                .send()
                .expect(200)
                .data();
        assertEquals("org:admin", promoted.get("role").asText());
        http.patch("/v1/team/members/" + org.userId() + "/role")
                .as(org)
                .json("{\"role\": \"org:member\"}")
                .send()
                .expectError(400, "cannot_change_own_role");
        http.delete("/v1/team/members/" + org.userId()).as(org).send().expectError(400, "cannot_remove_yourself");

        http.delete("/v1/team/members/" + userId).as(org).send().expect(204);
        http.get("/v1/users").key(key).send().expectError(401, "invalid_api_key");
        JsonNode members =
                http.get("/v1/team/members").as(org).send().expect(200).data().get("members");
        assertEquals(List.of(org.userId()), ids(members));
        http.delete("/v1/team/members/" + userId).as(org).send().expectError(404, "not_found");
    }

    @Test
    void invitationsCanBeRevokedAndNotDoubled() {
        String email = "bob-" + UUID.randomUUID() + "@example.com";
        JsonNode invitation = http.post("/v1/team/members/invite")
                .as(org)
                .json("{\"emailAddress\": \"" + email + "\"}")
                .send()
                .expect(201)
                .data();
        assertEquals("org:member", invitation.get("role").asText());
        http.post("/v1/team/members/invite")
                .as(org)
                .json("{\"emailAddress\": \"bob.example.com\"}")
                .breakingSpec("emailAddress is not an address")
                .send()
                .expectError(422, "invalid_format", "emailAddress");
        http.delete("/v1/team/members/invitations/" + invitation.get("id").asText())
                .as(org)
                .send()
                .expect(204);
        http.delete("/v1/team/members/invitations/" + invitation.get("id").asText())
                .as(org)
                .send()
                .expectError(404, "not_found");
        http.post("/v1/team/invitations/accept")
                .json("{\"token\": \"" + invitation.get("token").asText() + "\"}")
                .send()
                .expectError(400, "invalid_invitation_token");

        String memberEmail = "Carol-" + UUID.randomUUID() + "@Example.com";
        server.newMember(org, memberEmail);
        http.post("/v1/team/members/invite")
                .as(org)
                .json("{\"emailAddress\": \"" + memberEmail.toLowerCase() + "\"}")
                .send()
                .expectError(409, "member_exists");
    }

    @Test
    void acceptingForAnAddressThatJoinedMeanwhileConflicts() {
        String email = "late-" + UUID.randomUUID() + "@example.com";
        String first = http.post("/v1/team/members/invite")
                .as(org)
                .json("{\"emailAddress\": \"" + email + "\"}")
                .send()
                .expect(201)
                .data()
                .get("token")
                .asText();
        // An admin in another tab invites the same address again and it is accepted: the first token is void.
        String second = http.post("/v1/team/members/invite")
                .as(org)
                .json("{\"emailAddress\": \"" + email + "\"}")
                .send()
                .expect(201)
                .data()
                .get("token")
                .asText();
        http.post("/v1/team/invitations/accept")
                .json("{\"token\": \"" + first + "\"}")
                .send()
                .expectError(400, "invalid_invitation_token");
        http.post("/v1/team/invitations/accept")
                .json("{\"token\": \"" + second + "\"}")
                .send()
                .expect(201);

        String other = "other-" + UUID.randomUUID() + "@example.com";
        String token = http.post("/v1/team/members/invite")
                .as(org)
                .json("{\"emailAddress\": \"" + other + "\"}")
                .send()
                .expect(201)
                .data()
                .get("token")
                .asText();
        server.newMember(org, other);
        http.post("/v1/team/invitations/accept")
                .json("{\"token\": \"" + token + "\"}")
                .send()
                .expectError(409, "member_exists");
    }

    @Test
    void membersManageTheirOwnKeysAndNothingElseOfTheTeam() {
        Org member = newMember(org);
        http.get("/v1/team/members").as(member).send().expectError(401, "not_authorized");
        http.post("/v1/team/members/invite")
                .as(member)
                .json("{\"emailAddress\": \"x@example.com\"}")
                .send()
                .expectError(401, "not_authorized");
        http.patch("/v1/team/members/" + org.userId() + "/role")
                .as(member)
                .json("{\"role\": \"org:member\"}")
                .send()
                .expectError(401, "not_authorized");
        http.delete("/v1/team/members/" + org.userId()).as(member).send().expectError(401, "not_authorized");
        http.delete("/v1/team/members/invitations/orginv_none")
                .as(member)
                .send()
                .expectError(401, "not_authorized");
        http.get("/v1/team/members/" + org.userId() + "/api-keys")
                .as(member)
                .send()
                .expectError(401, "not_authorized");
        http.post("/v1/team/members/" + org.userId() + "/api-keys")
                .as(member)
                .send()
                .expectError(401, "not_authorized");
        http.delete("/v1/team/members/" + org.userId() + "/api-keys/key_none")
                .as(member)
                .send()
                .expectError(401, "not_authorized");

        String keys = "/v1/team/members/" + member.userId() + "/api-keys";
        JsonNode issued = http.post(keys).as(member).send().expect(201).data();
        String newKey = issued.get("key").asText();
        JsonNode listed = http.get(keys).key(newKey).send().expect(200).data().get("apiKeys");
        assertEquals(2, listed.size());
        listed.forEach(key -> assertTrue(!key.has("key"), "a listed key shows its secret: " + key));
        assertEquals(issued.get("prefix").asText(), newKey.substring(0, 17));

        http.delete(keys + "/" + issued.get("id").asText()).as(member).send().expect(204);
        http.get(keys).key(newKey).send().expectError(401, "invalid_api_key");
        http.delete(keys + "/key_none").as(member).send().expectError(404, "not_found");
        JsonNode afterRevoke =
                http.get(keys).as(member).send().expect(200).data().get("apiKeys");
        assertTrue(afterRevoke.get(1).get("revokedAt").isTextual(), afterRevoke.toString());
        // The admin manages the member's keys too.
        http.get(keys).as(org).send().expect(200);
    }

    private static List<String> ids(JsonNode rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.get("id").asText()));
        return ids;
    }
}
