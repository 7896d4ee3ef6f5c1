package cloud.scaling.contract.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One operation of the spec, with what the generic tests need to know about it. */
public record SpecOperation(
        String method,
        String path,
        String operationId,
        Operation operation,
        boolean secured,
        List<Parameter> parameters,
        Set<Integer> statuses,
        Pattern pathPattern) {

    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    static SpecOperation of(
            OpenAPI model, String path, String method, Operation operation, List<Parameter> parameters) {
        Set<Integer> statuses = new LinkedHashSet<>();
        if (operation.getResponses() != null) {
            operation.getResponses().keySet().stream()
                    .filter(code -> code.matches("\\d{3}"))
                    .map(Integer::valueOf)
                    .forEach(statuses::add);
        }
        return new SpecOperation(
                method,
                path,
                operation.getOperationId(),
                operation,
                isSecured(model, operation),
                parameters,
                Set.copyOf(statuses),
                patternOf(path));
    }

    /**
     * An operation is secured unless its effective security (its own, else the document's) is empty or allows
     * an anonymous caller with an empty requirement, as {@code security: []} does for /health.
     */
    private static boolean isSecured(OpenAPI model, Operation operation) {
        List<SecurityRequirement> security =
                operation.getSecurity() != null ? operation.getSecurity() : model.getSecurity();
        return security != null && !security.isEmpty() && security.stream().noneMatch(SecurityRequirement::isEmpty);
    }

    private static Pattern patternOf(String path) {
        StringBuilder regex = new StringBuilder();
        Matcher matcher = TEMPLATE_PARAMETER.matcher(path);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(path.substring(last, matcher.start()))).append("([^/]+)");
            last = matcher.end();
        }
        regex.append(Pattern.quote(path.substring(last)));
        return Pattern.compile(regex.toString());
    }

    /** How failure messages name the operation: {@code createIncident (POST /v1/incidents)}. */
    public String label() {
        return operationId + " (" + method + " " + path + ")";
    }

    public boolean matches(String requestMethod, String requestPath) {
        return method.equalsIgnoreCase(requestMethod)
                && pathPattern.matcher(requestPath).matches();
    }

    public boolean documents(int status) {
        return statuses.contains(status);
    }

    public List<Parameter> pathParameters() {
        return parameters.stream().filter(p -> "path".equals(p.getIn())).toList();
    }

    public List<Parameter> queryParameters() {
        return parameters.stream().filter(p -> "query".equals(p.getIn())).toList();
    }

    public boolean takesHeader(String name) {
        return parameters.stream().anyMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
    }

    public boolean takesId() {
        return !pathParameters().isEmpty();
    }

    /** The JSON schema of the request body, if the operation takes a JSON body. */
    public Optional<Schema<?>> requestSchema() {
        return Optional.ofNullable(operation.getRequestBody())
                .map(body ->
                        body.getContent() == null ? null : body.getContent().get("application/json"))
                .map(MediaType::getSchema);
    }

    public boolean takesBody() {
        return operation.getRequestBody() != null;
    }

    /**
     * Whether the body refuses a field its schema does not declare ({@code 422 unknown_field}): every body but
     * those the spec marks {@code x-strict-body: false} (the alert ingest operations).
     */
    public boolean takesStrictBody() {
        return takesBody()
                && (operation.getExtensions() == null
                        || !Boolean.FALSE.equals(operation.getExtensions().get("x-strict-body")));
    }

    /** The JSON schema of a documented response, if it has a JSON body. */
    public Optional<Schema<?>> responseSchema(int status) {
        return Optional.ofNullable(operation.getResponses().get(String.valueOf(status)))
                .map(response -> response.getContent() == null
                        ? null
                        : response.getContent().get("application/json"))
                .map(MediaType::getSchema);
    }

    /** The smallest documented 2xx status: what a successful call answers. */
    public Optional<Integer> successStatus() {
        return statuses.stream().filter(status -> status / 100 == 2).min(Integer::compare);
    }

    /** The path with each {@code {name}} replaced by {@code values.get(name)}. */
    public String expand(java.util.Map<String, String> values) {
        Matcher matcher = TEMPLATE_PARAMETER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException(label() + ": no value for path parameter " + matcher.group(1));
            }
            matcher.appendReplacement(
                    out,
                    Matcher.quoteReplacement(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("+", "%20")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return label();
    }
}
