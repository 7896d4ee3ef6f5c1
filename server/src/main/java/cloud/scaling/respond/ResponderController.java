package cloud.scaling.respond;

import cloud.scaling.api.ResponderApi;
import cloud.scaling.pager.TokenPurpose.Action;
import cloud.scaling.shared.Refusal;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/**
 * The responder page and its buttons (spec tag Responder); the buttons are HTML forms, which post
 * {@code application/x-www-form-urlencoded} (empty: the token in the path is all they send). Pages for people:
 * every outcome (done, refused, a link never issued) is a 200 page saying what happened. Rendering happens after
 * the action's transaction: the page shows the incident as committed, and a refused action (rolled back) shows it
 * unchanged.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ResponderController implements ResponderApi {

    private final Responder responder;

    ResponderController(Responder responder) {
        this.responder = responder;
    }

    @Override
    public HttpResponse<String> getResponderPage(String token) {
        return page(token, null, null);
    }

    @Override
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    public HttpResponse<String> acknowledgeFromPage(String token) {
        return act(token, Action.ACKNOWLEDGE);
    }

    @Override
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    public HttpResponse<String> resolveFromPage(String token) {
        return act(token, Action.RESOLVE);
    }

    private HttpResponse<String> act(String token, Action action) {
        Optional<String> outcome;
        try {
            outcome = responder.act(token, action);
        } catch (Responder.Refused refused) {
            return page(token, null, refused.getMessage());
        } catch (Refusal refused) {
            // An incident rule refused it, e.g. a racing change resolved the incident first.
            return page(token, null, Responder.refusal(refused).getMessage());
        }
        return outcome.isEmpty() ? unknown() : page(token, outcome.get(), null);
    }

    private HttpResponse<String> page(String token, String outcome, String problem) {
        return responder
                .show(token, outcome, problem)
                .map(shown -> html(ResponderPage.render(shown, token)))
                .orElseGet(ResponderController::unknown);
    }

    private static HttpResponse<String> unknown() {
        return html(ResponderPage.unknown());
    }

    private static HttpResponse<String> html(String body) {
        return HttpResponse.ok(body)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header("Content-Security-Policy", ResponderPage.CONTENT_SECURITY_POLICY)
                // Not no-referrer: with it, a browser's form POST says "Origin: null", which the framework's
                // drive-by-localhost guard refuses (403) on a server at localhost. Same-origin: the address, token
                // and all, goes to this server only, never to a link's site.
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store");
    }
}
