package cloud.scaling.idempotency;

import cloud.scaling.auth.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.context.ServerRequestContext;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@link Idempotency} for the controllers: names the request by the current HTTP request's method and path,
 * stores responses by status and body, and replays them as HTTP responses.
 */
public final class IdempotencyWire {

    private IdempotencyWire() {}

    /** {@code body} is the request's bound body (null for none); without a key the work simply runs. */
    public static <T> HttpResponse<T> once(
            Idempotency idempotency,
            Caller caller,
            @Nullable String key,
            @Nullable Object body,
            Supplier<HttpResponse<T>> work) {
        if (key == null) {
            return work.get();
        }
        HttpRequest<?> request = ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("Idempotency needs the current request"));
        return idempotency.once(caller, key, request.getMethodName(), request.getPath(), body, work, new Responses<>());
    }

    private static final class Responses<T> implements Idempotency.Answers<HttpResponse<T>> {

        @Override
        public int status(HttpResponse<T> answer) {
            return answer.getStatus().getCode();
        }

        @Override
        public Object body(HttpResponse<T> answer) {
            return answer.body();
        }

        /**
         * The stored response exactly as it went out: bytes, not a model read back through today's generated
         * class, so a replay after an upgrade still answers what the first request was answered.
         */
        @Override
        @SuppressWarnings("unchecked")
        public HttpResponse<T> replay(int status, String json) {
            HttpResponse<byte[]> replay = HttpResponse.<byte[]>status(HttpStatus.valueOf(status))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(json.getBytes(StandardCharsets.UTF_8));
            return (HttpResponse<T>) (HttpResponse<?>) replay;
        }
    }
}
