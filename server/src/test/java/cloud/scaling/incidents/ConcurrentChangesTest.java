package cloud.scaling.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.AllAtOnce;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Races on one incident have one outcome and a truthful audit trail: concurrent full replacements of its
 * components, a component deleted while it is being linked, and many handoffs at once.
 */
class ConcurrentChangesTest {

    private final TestServer server = TestServer.shared();

    @Test
    void identicalComponentReplacementsAllSucceed() throws Exception {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String incident = api.createIncident("Same components, 30 times at once");
        List<String> componentIds = List.of(
                api.createComponent("race-a-" + incident),
                api.createComponent("race-b-" + incident),
                api.createComponent("race-c-" + incident));
        String body = componentsBody(componentIds);
        List<ApiResponse> answers = AllAtOnce.send(30, i -> api.put(components(incident), body));
        answers.forEach(answer -> answer.assertStatus(200));
        assertEquals(
                Set.copyOf(componentIds),
                componentIdsOf(api.get("/v1/incidents/" + incident).data()));
    }

    @Test
    void aComponentDeletedWhileBeingLinkedIsNeverHalfLinked() throws Exception {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String incident = api.createIncident("Components deleted under a replacement");
        List<String> componentIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            componentIds.add(api.createComponent("doomed-" + i + "-" + incident));
        }
        String body = componentsBody(componentIds);
        List<ApiResponse> answers = AllAtOnce.send(
                20,
                i -> i % 4 == 3
                        ? api.send("DELETE", "/v1/components/" + componentIds.get(i / 4), null, null)
                        : api.put(components(incident), body));
        for (ApiResponse answer : answers) {
            assertTrue(
                    answer.status() == 200
                            || answer.status() == 204
                            || "invalid_component_id"
                                    .equals(answer.json().path("code").asText()),
                    answer.body());
        }
        // Every component was deleted in the end (one DELETE for each): none may stay linked.
        assertEquals(
                Set.of(), componentIdsOf(api.get("/v1/incidents/" + incident).data()));
    }

    @Test
    void concurrentHandoffsFormOneChainOfAuditEvents() throws Exception {
        Provisioned org = server.newOrganization();
        ApiClient api = server.api(org.apiKey());
        String incident = api.createIncident("Handed off 50 times at once");
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            targets.add(server.newMember(org.orgId()).userId());
        }
        AllAtOnce.send(
                        targets.size(),
                        i -> api.post(
                                "/v1/incidents/" + incident + "/handoff",
                                "{\"targetUserId\":\"" + targets.get(i) + "\"}"))
                .forEach(answer -> answer.assertStatus(200));

        JsonNode detail = api.get("/v1/incidents/" + incident).data();
        Map<String, String> ownerAfter = new HashMap<>(); // previous owner -> the owner the event set
        String first = null;
        int firsts = 0;
        for (JsonNode event : detail.get("auditTrail")) {
            if (!event.get("type").asText().equals("incident_handed_off")) {
                continue;
            }
            String previous = event.get("details").path("previousOwnerId").asText(null);
            String owner = event.get("details").get("ownerId").asText();
            if (previous == null) {
                first = owner;
                firsts++;
            } else {
                assertNull(ownerAfter.put(previous, owner), "two handoffs start from owner " + previous);
            }
        }
        assertEquals(1, firsts, "exactly one handoff starts from no owner");
        List<String> chain = new ArrayList<>();
        for (String owner = first; owner != null; owner = ownerAfter.get(owner)) {
            chain.add(owner);
        }
        assertEquals(Set.copyOf(targets), new HashSet<>(chain), "one chain through every handoff");
        assertEquals(targets.size(), chain.size());
        assertEquals(chain.get(chain.size() - 1), detail.get("ownerId").asText(), "the chain ends at the owner");
    }

    /** Every answer to 50 acknowledgements at once shows the acknowledgement that stands, whoever made it. */
    @Test
    void concurrentAcknowledgementsAllAnswerTheAcknowledgementThatStands() throws Exception {
        Provisioned org = server.newOrganization();
        List<ApiClient> members = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            members.add(server.api(server.newMember(org.orgId()).apiKey()));
        }
        for (int round = 0; round < 3; round++) {
            String incident = server.api(org.apiKey()).createIncident("Acknowledged 50 times at once " + round);
            List<ApiResponse> answers = AllAtOnce.send(
                    members.size(), i -> members.get(i).post("/v1/incidents/" + incident + "/acknowledge", null));
            JsonNode stored =
                    server.api(org.apiKey()).get("/v1/incidents/" + incident).data();
            assertTrue(stored.hasNonNull("acknowledgedBy"), stored.toString());
            for (ApiResponse answer : answers) {
                JsonNode shown = answer.assertStatus(200).data();
                assertEquals(stored.get("acknowledgedBy"), shown.get("acknowledgedBy"), shown.toString());
                assertEquals(stored.get("acknowledgedAt"), shown.get("acknowledgedAt"), shown.toString());
            }
        }
    }

    private static Set<String> componentIdsOf(JsonNode incident) {
        Set<String> ids = new HashSet<>();
        incident.get("affectedComponents")
                .forEach(component -> ids.add(component.get("id").asText()));
        return ids;
    }

    private static String componentsBody(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "{\"componentIds\":[", "]}"));
    }

    private static String components(String incident) {
        return "/v1/incidents/" + incident + "/components";
    }
}
