package cloud.scaling.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/** A WireMock server playing the Scaling API, and clients of it whose retries wait for nothing. */
final class WireMockScaling {

    static final String API_KEY = "scl_live_4eC39HqLyjWDarjtT1zdp7dcA9pBa2Xw";

    private WireMockScaling() {}

    static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort())
                .build();
    }

    static ScalingClient client(WireMockExtension server, RecordingSleeper sleeper) {
        return builder(server, sleeper).build();
    }

    static ScalingClient.Builder builder(WireMockExtension server, RecordingSleeper sleeper) {
        return ScalingClient.builder()
                .apiKey(API_KEY)
                .baseUrl(server.baseUrl())
                .sleeper(sleeper)
                .random(new HighestRandom())
                .timeout(Duration.ofSeconds(5));
    }

    /**
     * Answers successive matching requests with the given responses in turn; the last one repeats. The request is
     * a supplier because a stub builder can be registered only once.
     */
    static void answerInTurn(
            WireMockExtension server, Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
        String scenario = UUID.randomUUID().toString();
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "answer " + i;
            String next = i == responses.length - 1 ? state : "answer " + (i + 1);
            server.stubFor(request.get()
                    .inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .willReturn(responses[i])
                    .willSetStateTo(next));
        }
    }

    /** A {@code {"data": ...}} success. */
    static ResponseDefinitionBuilder data(int status, String payloadJson) {
        return json(status, "{\"data\":" + payloadJson + "}");
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", "0f8fad5b-d9cb-469f-a165-70867728950e")
                .withBody(body);
    }

    /** A Scaling error body. */
    static ResponseDefinitionBuilder error(int status, String type, String code, String requestId, String message) {
        return json(status, """
                {"statusCode":%d,"type":"%s","code":"%s","requestId":"%s","message":"%s"}""".formatted(status, type, code, requestId, message));
    }

    /** An incident as the server writes it (the spec's quickstart example, with this id and title). */
    static String incident(String id, String title) {
        return """
                {"id":"%s","orgId":"org_2abc123def456","title":"%s",
                 "description":"P99 latency above 2s for the past 10 minutes.","severity":"high",
                 "status":"investigating","ownerId":null,"escalationPolicyId":null,"createdBy":"user_2xyz789",
                 "affectedComponents":[{"id":"cmp_2hq8xk3n9p","name":"Payments API"}],
                 "createdAt":"2026-04-07T10:00:00.000Z","updatedAt":"2026-04-07T10:05:00.000Z"}""".formatted(id, title);
    }
}
