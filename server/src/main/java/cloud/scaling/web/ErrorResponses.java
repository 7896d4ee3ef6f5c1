package cloud.scaling.web;

import cloud.scaling.api.model.ApiError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

/** Renders a {@link Problem} as the spec's {@code ApiError} body. */
public final class ErrorResponses {

    private ErrorResponses() {}

    public static MutableHttpResponse<ApiError> render(HttpRequest<?> request, Problem problem) {
        ApiError body = new ApiError(
                problem.status().getCode(), problem.type(), problem.code(), RequestIds.of(request), problem.message());
        return HttpResponse.<ApiError>status(problem.status()).body(body);
    }
}
