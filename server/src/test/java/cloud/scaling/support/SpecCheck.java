package cloud.scaling.support;

import cloud.scaling.contract.spec.ExchangeValidator;
import cloud.scaling.contract.spec.SpecOperation;
import cloud.scaling.contract.spec.WireRequest;
import cloud.scaling.contract.spec.WireResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every exchange of the server's tests, judged against the spec by the contract suite's validator: the request
 * (unless the test breaks the spec on purpose and says so: {@link ApiClient#uncheckedRequests})
 * and the answer in every detail (documented status, headers, body schema, X-Request-Id, error body).
 *
 * <p>Every route the server has is in the spec, the pages and plain-text ones included ({@code /health},
 * {@code /metrics}, {@code /docs}, {@code /openapi.yaml}, the responder's {@code /respond/...}), so there is no
 * list of exempt paths: a request no operation matches breaks the spec (a typo in a test fails here; a test of unknown routes says so), and its
 * answer must be one that {@code x-unmatched-requests} describes.
 */
public final class SpecCheck implements ExchangeCheck {

    public static final SpecCheck INSTANCE = new SpecCheck();

    private SpecCheck() {}

    @Override
    public void check(Sent sent, ApiResponse answer) {
        ExchangeValidator validator = ExchangeValidator.current();
        WireRequest request = WireRequest.of(sent.method(), sent.target(), sent.headers(), sent.body());
        WireResponse response =
                new WireResponse(answer.status(), answer.headers().map(), answer.body());
        Optional<SpecOperation> operation = validator.spec().operationFor(request.method(), request.path());
        List<String> problems = new ArrayList<>();
        if (sent.uncheckedBecause() == null) {
            List<String> requestProblems = operation.isPresent()
                    ? validator.requestProblems(request)
                    : List.of("no operation of the spec matches " + request.line());
            requestProblems.forEach(problem -> problems.add(
                    "request: " + problem + " (a test that means it says so: api.uncheckedRequests(\"why\"))"));
        }
        problems.addAll(
                operation.isPresent()
                        ? validator.responseProblems(request, response)
                        : validator.offSpecResponseProblems(request, response));
        if (!problems.isEmpty()) {
            String label = operation.map(SpecOperation::label).orElse(request.line() + " (outside the spec)");
            throw new AssertionError(label + " answered " + answer.status() + " against the spec:\n  - "
                    + String.join(
                            "\n  - ",
                            problems.stream().map(ExchangeValidator::abbreviate).toList())
                    + "\n  request: " + request.line() + " "
                    + ExchangeValidator.abbreviate(request.body()) + "\n  response body: "
                    + ExchangeValidator.abbreviate(answer.body()));
        }
    }
}
