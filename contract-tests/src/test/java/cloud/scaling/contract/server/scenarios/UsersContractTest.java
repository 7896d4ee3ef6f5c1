package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.Reply;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A user's own details: a member changes their names and email address, an admin anyone's; what a member may not
 * change, an address already taken, an empty change and an address no mail server takes.
 */
class UsersContractTest extends ServerContractTest {

    private final Org org = newOrg();

    @Test
    void aMemberChangesTheirOwnDetailsAndAnAdminAnyones() {
        Org member = newMember(org);
        String email = unique("ada");
        JsonNode changed = http.patch("/v1/users/" + member.userId())
                .as(member)
                .json("{\"firstName\": \" Ada \", \"lastName\": \"Lovelace\", \"email\": \"" + email + "\"}")
                .send()
                .expect(200)
                .data();
        assertEquals(member.userId(), changed.get("id").asText());
        assertEquals("Ada", changed.get("firstName").asText(), "names are trimmed");
        assertEquals(email, changed.get("email").asText());
        assertEquals("org:member", changed.get("role").asText());
        assertEquals(changed, listed(member.userId()), "GET /v1/users shows the same user");

        // Only what is given changes; "" clears a name.
        JsonNode cleared = http.patch("/v1/users/" + member.userId())
                .as(org)
                .json("{\"firstName\": \"\", \"lastName\": null}")
                .send()
                .expect(200)
                .data();
        assertTrue(cleared.get("firstName").isNull(), cleared.toString());
        assertEquals("Lovelace", cleared.get("lastName").asText());
        assertEquals(email, cleared.get("email").asText());

        http.patch("/v1/users/" + org.userId())
                .as(member)
                .json("{\"firstName\": \"Mallory\"}")
                .send()
                .expectError(401, "not_authorized");
        assertTrue(listed(org.userId()).get("firstName").isNull(), "the admin's name is unchanged");
    }

    @Test
    void anAddressAnotherUserHasIsAConflictIgnoringCase() {
        Org member = newMember(org);
        String admins = unique("admin");
        changeEmail(org, org.userId(), admins).expect(200);
        changeEmail(member, member.userId(), admins.toUpperCase(Locale.ROOT)).expectError(409, "email_in_use");
        assertEquals(admins, listed(org.userId()).get("email").asText());
        // Their own address in another case is theirs to write.
        String own = unique("own");
        changeEmail(member, member.userId(), own).expect(200);
        JsonNode recased = changeEmail(member, member.userId(), own.toUpperCase(Locale.ROOT))
                .expect(200)
                .data();
        assertEquals(own.toUpperCase(Locale.ROOT), recased.get("email").asText());
    }

    @Test
    void anEmptyChangeAndAnUnusableAddressAreRefused() {
        String user = "/v1/users/" + org.userId();
        http.patch(user).as(org).json("{}").send().expectError(400, "empty_update");
        http.patch(user).as(org).json("{\"email\": null}").send().expectError(400, "empty_update");
        // The schema's pattern lets it through; no mail server would take it.
        http.patch(user)
                .as(org)
                .json("{\"email\": \"a(b)@example.com\"}")
                .send()
                .expectError(422, "invalid_format");
        http.patch(user)
                .as(org)
                .json("{\"email\": \"not an address\"}")
                .breakingSpec("an address with spaces breaks the pattern")
                .send()
                .expectError(422, "invalid_format");
        http.patch("/v1/users/user_none")
                .as(org)
                .json("{\"firstName\": \"A\"}")
                .send()
                .expectError(404, "not_found");
    }

    private Reply changeEmail(Org caller, String userId, String email) {
        return http.patch("/v1/users/" + userId)
                .as(caller)
                .json("{\"email\": \"" + email + "\"}")
                .send();
    }

    private JsonNode listed(String userId) {
        for (JsonNode user :
                http.get("/v1/users").as(org).send().expect(200).data().get("users")) {
            if (user.get("id").asText().equals(userId)) {
                return user;
            }
        }
        throw new AssertionError(userId + " is not listed");
    }

    private static String unique(String local) {
        return local + "-" + UUID.randomUUID() + "@example.com";
    }
}
