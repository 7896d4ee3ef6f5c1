package cloud.scaling.contract.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Judges HTTP exchanges against the spec: the request (parameters, security, content type, body schema) and
 * the response (documented status, headers, content type, body schema with its enums, required and nullable
 * fields, and no field the spec does not declare), with swagger-request-validator; plus the conventions the
 * spec states in prose: every response has a UUID {@code X-Request-Id}, every error body repeats the status
 * and that id and carries the error family of its status. Each problem is one readable line.
 */
public final class ExchangeValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ExchangeValidator current;

    private final Spec spec;
    private final OpenApiInteractionValidator validator;
    private final SchemaCheck schemas;
    private final ErrorFamilies families;

    public ExchangeValidator(Spec spec) {
        this.spec = spec;
        this.schemas = new SchemaCheck(spec.text());
        // A model of its own (it gets edited), references resolved as the validator resolves them itself.
        this.validator = OpenApiInteractionValidator.createFor(
                        withEffectiveSecurity(Spec.of(spec.text()).model()))
                .build();
        this.families = ErrorFamilies.of(spec);
    }

    public static synchronized ExchangeValidator current() {
        if (current == null) {
            current = new ExchangeValidator(Spec.current());
        }
        return current;
    }

    public Spec spec() {
        return spec;
    }

    /**
     * The validator checks only an operation's own {@code security}, not the document-wide default the spec
     * relies on; so each operation gets its effective requirement spelled out (the document's unless it has
     * its own, like {@code security: []}).
     */
    private static OpenAPI withEffectiveSecurity(OpenAPI api) {
        api.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getSecurity() == null && api.getSecurity() != null) {
                        operation.setSecurity(api.getSecurity());
                    }
                }));
        return api;
    }

    /** What the spec finds wrong with this request; empty when the spec allows it. */
    public List<String> requestProblems(WireRequest request) {
        List<String> problems = new ArrayList<>(errors(validator.validateRequest(toValidator(request))));
        spec.operationFor(request.method(), request.path())
                .filter(operation -> !operation.takesBody()
                        && request.body() != null
                        && !request.body().isEmpty())
                .ifPresent(operation -> problems.add("request body: " + operation.label() + " takes none"));
        return problems;
    }

    /** What is wrong with the response to a request that the spec documents (an operation matched). */
    public List<String> responseProblems(WireRequest request, WireResponse response) {
        List<String> problems = new ArrayList<>(errors(validator.validateResponse(
                request.path(), Request.Method.valueOf(request.method()), toValidator(response))));
        problems.addAll(conventionProblems(response, true));
        return problems;
    }

    /**
     * What is wrong with the answer to a request outside the spec (an unknown route, an unsupported method): it
     * must be one that {@code x-unmatched-requests} describes, with that response's required headers and the
     * {@code ApiError} body (none for {@code HEAD}, whose answers never have a body).
     */
    public List<String> offSpecResponseProblems(WireRequest request, WireResponse response) {
        List<String> problems = new ArrayList<>();
        ApiResponse described = spec.unmatchedRequestResponses().get(String.valueOf(response.status()));
        if (described == null) {
            problems.add("a request outside the spec answered " + response.status() + ", which "
                    + Spec.UNMATCHED_REQUESTS + " does not describe");
            return problems;
        }
        if (described.getHeaders() != null) {
            described.getHeaders().forEach((name, header) -> {
                if (Boolean.TRUE.equals(header.getRequired()) && response.header(name) == null) {
                    problems.add("header " + name + ": required by " + Spec.UNMATCHED_REQUESTS + " but absent");
                }
            });
        }
        boolean bodyless = "HEAD".equals(request.method());
        if (bodyless) {
            if (response.body() != null && !response.body().isEmpty()) {
                problems.add("a HEAD answer has a body: " + abbreviate(response.body()));
            }
        } else {
            JsonNode body = parse(response.body(), problems);
            if (body != null) {
                schemas.problems(body, "ApiError").forEach(problem -> problems.add("ApiError body: " + problem));
            }
        }
        problems.addAll(conventionProblems(response, !bodyless));
        return problems;
    }

    private List<String> conventionProblems(WireResponse response, boolean hasBody) {
        List<String> problems = new ArrayList<>();
        String requestId = response.header("X-Request-Id");
        if (requestId == null || !isUuid(requestId)) {
            problems.add("header X-Request-Id: must be a UUID on every response, was " + requestId);
        }
        if (response.status() >= 400 && hasBody) {
            JsonNode body = parse(response.body(), problems);
            if (body != null && body.isObject()) {
                if (body.path("statusCode").asInt() != response.status()) {
                    problems.add("error body field statusCode: " + body.path("statusCode")
                            + " does not repeat the HTTP status " + response.status());
                }
                if (requestId != null
                        && !requestId.equals(body.path("requestId").asText())) {
                    problems.add("error body field requestId: " + body.path("requestId")
                            + " differs from the X-Request-Id header " + requestId);
                }
                String family = families.typeFor(response.status());
                if (family != null && !family.equals(body.path("type").asText())) {
                    problems.add("error body field type: " + body.path("type") + ", but the spec gives status "
                            + response.status() + " the type " + family);
                }
            }
        }
        return problems;
    }

    private static JsonNode parse(String body, List<String> problems) {
        try {
            return JSON.readTree(body == null ? "" : body);
        } catch (Exception e) {
            problems.add("error body: not JSON: " + abbreviate(body));
            return null;
        }
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(ExchangeValidator::describe)
                .toList();
    }

    private static String describe(ValidationReport.Message message) {
        StringBuilder line = new StringBuilder(message.getMessage().replace('\n', ' '));
        line.append(" [").append(message.getKey()).append(']');
        message.getNestedMessages().forEach(nested -> line.append("; ").append(nested.getMessage()));
        return line.toString();
    }

    private static SimpleRequest toValidator(WireRequest request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), request.path());
        request.headers().forEach(builder::withHeader);
        request.query().forEach(builder::withQueryParam);
        if (request.body() != null) {
            builder.withBody(request.body());
        }
        return builder.build();
    }

    private static SimpleResponse toValidator(WireResponse response) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(response.status());
        response.headers().forEach(builder::withHeader);
        if (response.body() != null && !response.body().isEmpty()) {
            builder.withBody(response.body());
        }
        return builder.build();
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String abbreviate(String text) {
        if (text == null) {
            return "<no body>";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " chars)";
    }
}
