package cloud.scaling.alerts;

import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ApiResponse;
import io.micronaut.core.annotation.Nullable;
import java.net.http.HttpRequest;
import java.time.Duration;

/** What the alert tests send as a monitoring system does: an integration's token, and notifications with it. */
final class Senders {

    private Senders() {}

    /** A new integration of the caller's organization ({@code body} as the API takes it), by its ingest token. */
    static String token(ApiClient api, String body) {
        return api.post("/v1/integrations/inbound", body)
                .assertStatus(201)
                .data()
                .get("token")
                .asText();
    }

    /** One notification to {@code path} ({@code /v1/alerts/<type>}), with the token when there is one. */
    static ApiResponse deliver(ApiClient api, @Nullable String token, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.base().resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return api.sendRaw(request);
    }
}
