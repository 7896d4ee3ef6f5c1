package cloud.scaling.pager;

import cloud.scaling.contacts.ContactMethods;
import io.micronaut.core.util.SupplierUtil;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends pages to chat contact methods: one POST of the message in the product's format to the contact method's
 * webhook URL, answered by a 2xx (Slack answers 200 {@code ok}, a Teams workflow 202). Anything else, or no answer
 * within 10 s, is a failed attempt the caller retries. The URL's path is the credential: failures name only its
 * masked form.
 */
@Singleton
class ChatDelivery {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A page that cannot be delivered however often it is tried: its contact method was deleted. */
    static final class Undeliverable extends Exception {
        Undeliverable(String message) {
            super(message, null, false, false);
        }
    }

    private final ContactMethods contactMethods;
    private final JsonMapper json;
    /** Built on the first chat page, not with the server (loading the TLS stack costs every start time). */
    private final Supplier<HttpClient> http = SupplierUtil.memoized(() -> HttpClient.newBuilder()
            // Plain HTTP/1.1, as webhooks: the default asks every http:// receiver to upgrade to h2c.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());

    ChatDelivery(ContactMethods contactMethods, JsonMapper json) {
        this.contactMethods = contactMethods;
        this.json = json;
    }

    /** Throws {@link Undeliverable} when it never can be, and an exception naming the cause when this try failed. */
    void send(PageRow page, PageNotice notice) throws Exception {
        ContactMethods.Target target = contactMethods
                .target(page.contactMethodId())
                .orElseThrow(() -> new Undeliverable("The contact method " + page.contactMethodId() + " was deleted."));
        Map<String, Object> message =
                PageRow.TEAMS.equals(target.type()) ? ChatMessages.teams(notice) : ChatMessages.slack(notice);
        HttpRequest request = HttpRequest.newBuilder(target.url())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Scaling-Pages/1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(message)))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.get().send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // The JDK's messages name no URL today; the masked form is said here so that none ever has to.
            throw new IOException(e.getClass().getSimpleName() + " posting to " + target.maskedUrl()
                    + (e.getMessage() == null
                            ? ""
                            : ": " + e.getMessage().replace(target.url().toString(), target.maskedUrl())));
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + " from " + target.maskedUrl());
        }
    }
}
