package cloud.scaling.references;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.AllAtOnce;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.EscalationPolicyFixture;
import cloud.scaling.support.IntegrationFixture;
import cloud.scaling.support.RoutingPolicyFixture;
import cloud.scaling.support.ScheduleFixture;
import cloud.scaling.support.TestServer;
import cloud.scaling.support.WebhookEndpointFixture;
import cloud.scaling.support.WorkingHoursFixture;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 34: for every reference between objects, creates naming an object race its delete (over HTTP, behind one
 * start gate) and the outcome is one of the documented ones: the delete refused (409 naming the referrer) or the
 * referrers taken off it (a member's removal, ON DELETE SET NULL, a cascade), or the create refused (4xx) — never
 * a reference to an object that is gone, never a 500. References the spec keeps on purpose after a delete (an
 * incident keeps its policy id and owner; a routing rule or an integration may outlive what it names, and routes
 * as if it named nothing) are raced too, for the answers alone.
 */
class ReferenceRaceTest {

    private static final int CREATES = 8;
    private static final int ROUNDS = 3;
    private static final Set<Integer> CREATE_ANSWERS = Set.of(201, 400, 409, 422);
    private static final Set<Integer> DELETE_ANSWERS = Set.of(204, 409);

    private final TestServer server = TestServer.shared();

    /** An organization to race in: its admin's client and ids. */
    record Org(TestServer server, Provisioned admin, ApiClient api) {

        String create(String path, String body) {
            return api.post(path, body).assertStatus(201).data().get("id").asText();
        }

        String schedule() {
            return create(
                    "/v1/oncall/schedules",
                    ScheduleFixture.named(unique()).timezone("Europe/London").json());
        }

        String policy() {
            return create(
                    "/v1/escalation/policies",
                    EscalationPolicyFixture.named(unique()).json());
        }

        String member() {
            return server.newMember(admin.orgId()).userId();
        }
    }

    /** What is named (made once per round), a create naming it, its delete, and the referrers still naming it. */
    record Pair(String name, Referee referee, Referrer referrer, String deletePath, String referrersSql) {

        @Override
        public String toString() {
            return name;
        }
    }

    interface Referee {
        String make(Org org);
    }

    interface Referrer {
        ApiResponse create(Org org, String refereeId, String name);
    }

    static Stream<Pair> pairs() {
        return Stream.of(
                new Pair(
                        "escalation policy -> schedule",
                        Org::schedule,
                        (org, id, name) ->
                                policy(org, EscalationPolicyFixture.named(name).pagingSchedule(id, 300)),
                        "/v1/oncall/schedules/",
                        "SELECT COUNT(*) FROM escalation_steps WHERE schedule_id = ?"),
                new Pair(
                        "escalation policy -> working hours",
                        org -> org.create(
                                "/v1/working-hours",
                                WorkingHoursFixture.named(unique(), "Europe/London")
                                        .window("09:00", "17:00", 1, 2, 3, 4, 5)
                                        .json()),
                        (org, id, name) -> policy(
                                org,
                                EscalationPolicyFixture.named(name)
                                        .pagingUsers(300, org.admin().userId())
                                        .when("during", id)),
                        "/v1/working-hours/",
                        "SELECT COUNT(*) FROM escalation_steps WHERE condition_working_hours_id = ?"),
                new Pair(
                        "escalation policy -> user",
                        Org::member,
                        (org, id, name) ->
                                policy(org, EscalationPolicyFixture.named(name).pagingUsers(300, id)),
                        "/v1/team/members/",
                        "SELECT COUNT(*) FROM escalation_steps WHERE user_ids LIKE '%\"' || ? || '\"%'"),
                new Pair(
                        "on-call layer -> user",
                        Org::member,
                        (org, id, name) -> org.api()
                                .post(
                                        "/v1/oncall/schedules/" + org.schedule() + "/layers",
                                        "{\"name\":\"" + name
                                                + "\",\"rotationType\":\"weekly\",\"rotationLengthDays\":7,"
                                                + "\"handoffTime\":\"09:00\",\"effectiveFrom\":\"2026-01-05T14:00:00Z\","
                                                + "\"participantIds\":[\"" + id + "\"]}"),
                        "/v1/team/members/",
                        "SELECT COUNT(*) FROM oncall_layer_participants WHERE user_id = ?"),
                new Pair(
                        "on-call override -> user",
                        Org::member,
                        (org, id, name) -> org.api()
                                .post(
                                        "/v1/oncall/schedules/" + org.schedule() + "/overrides",
                                        "{\"userId\":\"" + id + "\",\"startsAt\":\"2026-01-05T09:00:00Z\","
                                                + "\"endsAt\":\"2026-01-06T09:00:00Z\"}"),
                        "/v1/team/members/",
                        "SELECT COUNT(*) FROM oncall_overrides WHERE user_id = ?"),
                new Pair(
                        "component -> escalation policy",
                        Org::policy,
                        (org, id, name) -> org.api()
                                .post(
                                        "/v1/components",
                                        "{\"name\":\"" + name + "\",\"escalationPolicyId\":\"" + id + "\"}"),
                        "/v1/escalation/policies/",
                        "SELECT COUNT(*) FROM components WHERE escalation_policy_id = ?"),
                new Pair(
                        "incident -> component",
                        org -> org.api().createComponent(unique()),
                        (org, id, name) -> org.api()
                                .post(
                                        "/v1/incidents",
                                        "{\"title\":\"" + name + "\",\"severity\":\"low\",\"componentIds\":[\"" + id
                                                + "\"]}"),
                        "/v1/components/",
                        "SELECT COUNT(*) FROM incident_components WHERE component_id = ?"),
                new Pair(
                        "webhook delivery -> endpoint",
                        // Nothing listens there: the deliveries only have to be queued.
                        org -> org.create(
                                "/v1/webhooks/endpoints",
                                WebhookEndpointFixture.at("http://127.0.0.1:9/hook")
                                        .json()),
                        (org, id, name) ->
                                org.api().post("/v1/incidents", "{\"title\":\"" + name + "\",\"severity\":\"low\"}"),
                        "/v1/webhooks/endpoints/",
                        "SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = ?"),
                // Kept on purpose after the delete (see the delete operations' text): the answers alone are checked.
                new Pair(
                        "routing rule -> escalation policy",
                        Org::policy,
                        (org, id, name) -> org.api()
                                .post(
                                        "/v1/routing/policies",
                                        RoutingPolicyFixture.named(name)
                                                .rule("critical", "incident", id)
                                                .rule("high", "incident")
                                                .rule("medium", "notification")
                                                .rule("low", "drop")
                                                .json()),
                        "/v1/escalation/policies/",
                        null),
                new Pair(
                        "integration -> routing policy",
                        org -> org.create(
                                "/v1/routing/policies",
                                RoutingPolicyFixture.named(unique())
                                        .rule("critical", "incident")
                                        .rule("high", "incident")
                                        .rule("medium", "notification")
                                        .rule("low", "drop")
                                        .json()),
                        (org, id, name) ->
                                integration(org, IntegrationFixture.named(name).routingPolicy(id)),
                        "/v1/routing/policies/",
                        null),
                new Pair(
                        "integration -> component",
                        org -> org.api().createComponent(unique()),
                        (org, id, name) ->
                                integration(org, IntegrationFixture.named(name).component(id)),
                        "/v1/components/",
                        null),
                new Pair(
                        "incident -> escalation policy",
                        Org::policy,
                        (org, id, name) -> org.api()
                                .post(
                                        "/v1/incidents",
                                        "{\"title\":\"" + name + "\",\"severity\":\"low\",\"escalationPolicyId\":\""
                                                + id + "\"}"),
                        "/v1/escalation/policies/",
                        null),
                new Pair(
                        "incident -> owner",
                        Org::member,
                        (org, id, name) -> org.api()
                                .post(
                                        "/v1/incidents",
                                        "{\"title\":\"" + name + "\",\"severity\":\"low\",\"ownerId\":\"" + id + "\"}"),
                        "/v1/team/members/",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void aDeleteRacingCreatesLeavesNoDanglingReference(Pair pair) throws Exception {
        Provisioned admin = server.newOrganization();
        Org org = new Org(server, admin, server.api(admin.apiKey()));
        for (int round = 0; round < ROUNDS; round++) {
            String id = pair.referee().make(org);
            // The delete goes in the middle of the creates, so that some start before it and some after.
            int deleteAt = CREATES / 2;
            List<ApiResponse> answers = AllAtOnce.send(
                    CREATES + 1,
                    i -> i == deleteAt
                            ? org.api().send("DELETE", pair.deletePath() + id, null, null)
                            : pair.referrer().create(org, id, unique()));
            ApiResponse delete = answers.get(deleteAt);
            for (int i = 0; i < answers.size(); i++) {
                ApiResponse answer = answers.get(i);
                assertTrue(
                        (i == deleteAt ? DELETE_ANSWERS : CREATE_ANSWERS).contains(answer.status()),
                        pair + ": " + answer.status() + " " + answer.body());
                if (answer.status() >= 400) {
                    assertTrue(!answer.json().path("code").asText().isEmpty(), answer.body());
                    assertEquals(
                            answer.requestIdHeader(),
                            answer.json().path("requestId").asText(),
                            answer.body());
                }
            }
            if (pair.referrersSql() == null) {
                continue;
            }
            long referrers =
                    ((Number) server.query(pair.referrersSql(), id).get(0).get(0)).longValue();
            if (delete.status() == 204) {
                assertEquals(0, referrers, pair + ": gone, yet still named; answers " + statuses(answers));
            } else {
                assertTrue(referrers > 0, pair + ": refused, yet nothing names it: " + delete.body());
                assertTrue(delete.errorMessage().contains(id), delete.body());
            }
        }
    }

    private static ApiResponse policy(Org org, EscalationPolicyFixture policy) {
        return org.api().post("/v1/escalation/policies", policy.json());
    }

    private static ApiResponse integration(Org org, IntegrationFixture integration) {
        return org.api().post("/v1/integrations/inbound", integration.json());
    }

    private static List<Integer> statuses(List<ApiResponse> answers) {
        return answers.stream().map(ApiResponse::status).toList();
    }

    private static String unique() {
        return "race-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
