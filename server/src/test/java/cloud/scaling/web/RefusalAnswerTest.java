package cloud.scaling.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.shared.Refusal;
import io.micronaut.http.HttpStatus;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each kind of domain refusal answers the status and error type the API documented before the domain stopped
 * speaking HTTP, with its code and message untouched.
 */
class RefusalAnswerTest {

    @Test
    void eachKindAnswersItsStatusAndType() {
        Map<Refusal.Kind, HttpStatus> statuses = new EnumMap<>(Map.of(
                Refusal.Kind.BAD_REQUEST, HttpStatus.BAD_REQUEST,
                Refusal.Kind.UNAUTHORIZED, HttpStatus.UNAUTHORIZED,
                Refusal.Kind.FORBIDDEN, HttpStatus.FORBIDDEN,
                Refusal.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
                Refusal.Kind.CONFLICT, HttpStatus.CONFLICT,
                Refusal.Kind.INVALID, HttpStatus.UNPROCESSABLE_ENTITY));
        assertEquals(Refusal.Kind.values().length, statuses.size(), "every kind has its status here");
        statuses.forEach((kind, status) -> {
            Problem answer = Problem.of(new Refusal(kind, "some_code", "Some message."));
            assertEquals(new Problem(status, "some_code", "Some message."), answer, kind.name());
        });
        assertEquals(
                "not_authorized_error",
                Problem.of(Refusal.unauthorized("c", "m")).type());
        assertEquals(
                "validation_error", Problem.of(Refusal.invalid("c", "f", "m")).type());
        assertEquals(
                "invalid_request_error", Problem.of(Refusal.forbidden("c", "m")).type());
    }

    @Test
    void theFactoriesKeepTheMessagesTheApiGave() {
        assertEquals(
                new Problem(HttpStatus.NOT_FOUND, "not_found", "Incident 42 not found."),
                Problem.of(Refusal.notFound("Incident 42")));
        assertEquals(
                new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_url", "webhookUrl: must be https."),
                Problem.of(Refusal.invalid("invalid_url", "webhookUrl", "must be https.")));
    }
}
