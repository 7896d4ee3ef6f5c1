package cloud.scaling.contract.server.support;

import cloud.scaling.contract.spec.ExchangeValidator;
import cloud.scaling.contract.spec.SpecOperation;
import cloud.scaling.contract.spec.WireRequest;
import cloud.scaling.contract.spec.WireResponse;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way contract tests talk to the server: the test kit's {@link ApiClient}, with the spec around it. Every exchange is validated against the spec before the test sees the
 * answer, and recorded for the coverage check, so no exchange escapes the contract:
 * <ul>
 *   <li>a request the test calls valid must be valid per the spec (a typo in a test is not a contract test);</li>
 *   <li>a request the test declares {@link Call#breakingSpec(String) broken} must be invalid per the spec (a
 *       negative test that the spec would accept proves nothing);</li>
 *   <li>the response must be documented for that operation and match it in every detail.</li>
 * </ul>
 * A failure names the operation, the status and the field at fault.
 */
public final class ContractHttp {

    private final ApiClient client;
    private final Coverage coverage;
    private final ExchangeValidator validator = ExchangeValidator.current();
    private final Credentials credentials;

    ContractHttp(URI base, Coverage coverage) {
        this.client = new ApiClient(base, null);
        this.coverage = coverage;
        this.credentials = new Credentials(this, validator.spec());
    }

    /** Which credential each operation takes, and how to get one. */
    public Credentials credentials() {
        return credentials;
    }

    public Call call(String method, String target) {
        return new Call(this, method, target);
    }

    public Call get(String target) {
        return call("GET", target);
    }

    public Call post(String target) {
        return call("POST", target);
    }

    public Call put(String target) {
        return call("PUT", target);
    }

    public Call patch(String target) {
        return call("PATCH", target);
    }

    public Call delete(String target) {
        return call("DELETE", target);
    }

    Reply send(Call call) {
        Optional<SpecOperation> operation = validator
                .spec()
                .operationFor(
                        call.method(),
                        WireRequest.of(call.method(), call.target(), Map.of(), null)
                                .path());
        if (call.caller() != null) {
            String credential = operation
                    .map(op -> credentials.of(op, call.caller()))
                    .orElse(call.caller().apiKey());
            call.headers().put("Authorization", List.of("Bearer " + credential));
        }
        WireRequest request = WireRequest.of(call.method(), call.target(), call.headers(), call.body());
        if (operation.isEmpty() != call.isOutsideSpec()) {
            throw new AssertionError(
                    operation.isEmpty()
                            ? "No operation of the spec matches " + request.line() + " (a typo in the test?)"
                            : request.line() + " is " + operation.get().label()
                                    + ", yet the test calls it outside the spec");
        }
        operation.ifPresent(op -> checkRequest(op, call, request));
        WireResponse response = exchange(request);
        List<String> problems = operation.isPresent()
                ? validator.responseProblems(request, response)
                : validator.offSpecResponseProblems(request, response);
        String label = operation.map(SpecOperation::label).orElse(request.line() + " (outside the spec)");
        if (!problems.isEmpty()) {
            throw new AssertionError(label + " answered " + response.status() + " against the spec:\n  - "
                    + String.join("\n  - ", problems) + "\n  request: " + request.line() + "\n  response body: "
                    + abbreviate(response.body()));
        }
        operation.ifPresent(op -> coverage.record(op, response.status()));
        return new Reply(label, request, response);
    }

    private void checkRequest(SpecOperation operation, Call call, WireRequest request) {
        List<String> problems = validator.requestProblems(request);
        if (call.breach() == null && !problems.isEmpty()) {
            throw new AssertionError("The test sent " + operation.label() + " a request the spec does not allow "
                    + "(declare it with breakingSpec(...) if that is the point):\n  - "
                    + String.join("\n  - ", problems));
        }
        if (call.breach() != null && problems.isEmpty()) {
            throw new AssertionError("The test meant to break the spec (" + call.breach() + ") but "
                    + operation.label() + " accepts this request per the spec: " + request.line() + " "
                    + abbreviate(request.body()));
        }
    }

    /** Sends through the test kit's one HTTP client; what this class adds is the spec's checks around it. */
    private WireResponse exchange(WireRequest request) {
        ApiResponse response = client.exchange(request.method(), rawTarget(request), request.headers(), request.body());
        return new WireResponse(response.status(), response.headers().map(), response.body());
    }

    private static String rawTarget(WireRequest request) {
        StringBuilder target = new StringBuilder(request.path());
        String separator = "?";
        for (Map.Entry<String, List<String>> parameter : request.query().entrySet()) {
            for (String value : parameter.getValue()) {
                target.append(separator)
                        .append(encode(parameter.getKey()))
                        .append('=')
                        .append(encode(value));
                separator = "&";
            }
        }
        return target.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "<none>";
        }
        return text.length() <= 400 ? text : text.substring(0, 400) + "… (" + text.length() + " chars)";
    }
}
