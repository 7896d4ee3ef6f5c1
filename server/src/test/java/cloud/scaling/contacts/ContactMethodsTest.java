package cloud.scaling.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.AllAtOnce;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chat contact methods over the API: who may manage them, what is refused, and that the URL never shows again. */
class ContactMethodsTest {

    private static final TestServer server = TestServer.shared();
    private static final String SLACK_URL = "https://hooks.slack.com/services/T0000/B0000/s3cretPathXy9z";

    private Provisioned admin;
    private Provisioned member;
    private ApiClient asAdmin;
    private ApiClient asMember;

    @BeforeEach
    void organization() {
        admin = server.newOrganization();
        member = server.newMember(admin.orgId());
        asAdmin = server.api(admin.apiKey());
        asMember = server.api(member.apiKey());
    }

    @Test
    void aUserAddsListsAndDeletesTheirOwnAndTheUrlIsShownOnlyMasked() {
        JsonNode created = asMember.post(
                        path(member.userId()),
                        "{\"type\":\"slack\",\"url\":\"" + SLACK_URL + "\",\"label\":\"#oncall\"}")
                .assertStatus(201)
                .data();
        String id = created.get("id").asText();
        assertTrue(id.startsWith("cm_"), id);
        assertEquals("slack", created.get("type").asText());
        assertEquals("https://hooks.slack.com/…Xy9z", created.get("maskedUrl").asText());
        assertEquals("#oncall", created.get("label").asText());
        assertFalse(created.toString().contains("s3cretPath"), created.toString());

        JsonNode listed =
                asMember.get(path(member.userId())).assertStatus(200).data().get("contactMethods");
        assertEquals(1, listed.size());
        assertEquals(created, listed.get(0));
        assertEquals(
                listed,
                asAdmin.get(path(member.userId())).assertStatus(200).data().get("contactMethods"));
        List<List<Object>> stored = server.query("SELECT url_sealed FROM contact_methods WHERE id = ?", id);
        assertFalse(stored.get(0).get(0).toString().contains("s3cretPath"), "kept encrypted");

        asMember.send("DELETE", path(member.userId()) + "/" + id, null, null).assertStatus(204);
        assertEquals(
                0,
                asMember.get(path(member.userId())).data().get("contactMethods").size());
        asMember.send("DELETE", path(member.userId()) + "/" + id, null, null)
                .assertError(404, "invalid_request_error", "not_found");
    }

    @Test
    void anAdminManagesAnyonesAMemberOnlyTheirOwn() {
        asAdmin.post(
                        path(member.userId()),
                        "{\"type\":\"teams\",\"url\":\"https://example.test/workflows/abcdefghijklmn\"}")
                .assertStatus(201);
        String adminsOwn = asAdmin.post(path(admin.userId()), "{\"type\":\"slack\",\"url\":\"" + SLACK_URL + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        asMember.get(path(admin.userId())).assertError(401, "not_authorized_error", "not_authorized");
        asMember.post(path(admin.userId()), "{\"type\":\"slack\",\"url\":\"" + SLACK_URL + "\"}")
                .assertError(401, "not_authorized_error", "not_authorized");
        asMember.send("DELETE", path(admin.userId()) + "/" + adminsOwn, null, null)
                .assertError(401, "not_authorized_error", "not_authorized");
        assertEquals(
                1,
                asAdmin.get(path(admin.userId())).data().get("contactMethods").size());
    }

    @Test
    void anotherOrganizationsUserAndContactMethodAreNotFound() {
        Provisioned other = server.newOrganization();
        ApiClient asOther = server.api(other.apiKey());
        String theirs = asOther.post(path(other.userId()), "{\"type\":\"slack\",\"url\":\"" + SLACK_URL + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        asAdmin.get(path(other.userId())).assertError(404, "invalid_request_error", "not_found");
        asAdmin.post(path(other.userId()), "{\"type\":\"slack\",\"url\":\"" + SLACK_URL + "\"}")
                .assertError(404, "invalid_request_error", "not_found");
        asAdmin.send("DELETE", path(other.userId()) + "/" + theirs, null, null)
                .assertError(404, "invalid_request_error", "not_found");
        asAdmin.send("DELETE", path(admin.userId()) + "/" + theirs, null, null)
                .assertError(404, "invalid_request_error", "not_found");
        assertEquals(
                1,
                asOther.get(path(other.userId())).data().get("contactMethods").size());
    }

    @Test
    void unusableUrlsAndTypesAreRefused() {
        for (String url : List.of(
                "ftp://hooks.example.test/x", "hooks.slack.com/services/x", "https:///nohost", "http://bad host/")) {
            JsonNode error = asMember.post(path(member.userId()), "{\"type\":\"slack\",\"url\":\"" + url + "\"}")
                    .assertError(422, "validation_error", "invalid_url");
            assertTrue(error.get("message").asText().startsWith("url: "), error.toString());
        }
        ApiClient unchecked = asMember.uncheckedRequests("an unknown type, then no url");
        unchecked
                .post(path(member.userId()), "{\"type\":\"email\",\"url\":\"" + SLACK_URL + "\"}")
                .assertError(422, "validation_error", "invalid_enum_value");
        unchecked.post(path(member.userId()), "{\"type\":\"slack\"}").assertStatus(422);
        // Plain http is accepted: a receiver on a private network (and the tests' own).
        asMember.post(path(member.userId()), "{\"type\":\"slack\",\"url\":\"http://127.0.0.1:9/hook\"}")
                .assertStatus(201);
        assertEquals(
                "http://127.0.0.1:9/…",
                asMember.get(path(member.userId()))
                        .data()
                        .get("contactMethods")
                        .get(0)
                        .get("maskedUrl")
                        .asText(),
                "a short path shows nothing of itself");
    }

    @Test
    void aUserHasAtMostTenContactMethods() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= ContactMethods.MAX_PER_USER; i++) {
            statuses.add(asMember.post(path(member.userId()), "{\"type\":\"slack\",\"url\":\"" + SLACK_URL + i + "\"}")
                    .status());
        }
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201, 201, 201, 409), statuses);
        asMember.post(path(member.userId()), "{\"type\":\"slack\",\"url\":\"" + SLACK_URL + "\"}")
                .assertError(409, "invalid_request_error", "too_many_contact_methods");
    }

    @Test
    void racingCreatesStillStopAtTen() throws Exception {
        int racing = ContactMethods.MAX_PER_USER + 4;
        List<Integer> statuses = new ArrayList<>();
        AllAtOnce.send(
                        racing,
                        i -> asMember.post(
                                path(member.userId()), "{\"type\":\"teams\",\"url\":\"" + SLACK_URL + i + "\"}"))
                .forEach(answer -> statuses.add(answer.status()));
        assertEquals(
                ContactMethods.MAX_PER_USER,
                statuses.stream().filter(status -> status == 201).count(),
                "" + statuses);
        assertEquals(4, statuses.stream().filter(status -> status == 409).count(), statuses::toString);
        assertEquals(
                ContactMethods.MAX_PER_USER,
                asMember.get(path(member.userId()))
                        .assertStatus(200)
                        .data()
                        .get("contactMethods")
                        .size());
    }

    /** A removed member's webhook URLs are credentials nobody needs any more: they go with the member. */
    @Test
    void aRemovedMembersContactMethodsAreDeleted() {
        asMember.post(path(member.userId()), "{\"type\":\"slack\",\"url\":\"" + SLACK_URL + "\"}")
                .assertStatus(201);
        asAdmin.post(path(admin.userId()), "{\"type\":\"slack\",\"url\":\"" + SLACK_URL + "\"}")
                .assertStatus(201);
        asAdmin.send("DELETE", "/v1/team/members/" + member.userId(), null, null)
                .assertStatus(204);
        assertEquals(
                List.of(List.of(0L)),
                server.query("SELECT COUNT(*) FROM contact_methods WHERE user_id = ?", member.userId()));
        assertEquals(
                1,
                asAdmin.get(path(admin.userId())).data().get("contactMethods").size());
    }

    private static String path(String userId) {
        return "/v1/users/" + userId + "/contact-methods";
    }
}
