package cloud.scaling.respond;

import cloud.scaling.api.ResponderApi;
import cloud.scaling.pager.TokenPurpose.Action;
import cloud.scaling.web.ApiException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/**
 * The responder page and its buttons (spec tag Responder); the buttons are HTML forms, which post
 * {@code application/x-www-form-urlencoded} (empty: the token in the path is all they send). Rendering happens after the action's transaction:
 * the page shows the incident as committed, and a refused action (rolled back) shows it unchanged.
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
        return page(token, HttpStatus.OK, null, null);
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
            return page(token, HttpStatus.CONFLICT, null, refused.getMessage());
        } catch (ApiException refused) {
            // An incident rule refused it, e.g. a racing change resolved the incident first.
            return page(
                    token, HttpStatus.CONFLICT, null, Responder.refusal(refused).getMessage());
        }
        return outcome.isEmpty() ? unknown() : page(token, HttpStatus.OK, outcome.get(), null);
    }

    private HttpResponse<String> page(String token, HttpStatus status, String outcome, String problem) {
        return responder
                .show(token, outcome, problem)
                .map(shown -> html(status, ResponderPage.render(shown, token)))
                .orElseGet(ResponderController::unknown);
    }

    private static HttpResponse<String> unknown() {
        return html(HttpStatus.NOT_FOUND, ResponderPage.unknown());
    }

    private static HttpResponse<String> html(HttpStatus status, String body) {
        return HttpResponse.<String>status(status)
                .body(body)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header("Content-Security-Policy", ResponderPage.CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }
}
