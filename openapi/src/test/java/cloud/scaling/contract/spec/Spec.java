package cloud.scaling.contract.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The spec as the tests see it: its text, the parser's verdict on it, and its operations with everything the
 * generic tests derive from them. Nothing in this module lists operations by hand; it all comes from here.
 */
public final class Spec {

    /** Where the spec sits on the classpath (packaged by the openapi module). */
    public static final String RESOURCE = "openapi/scaling.yaml";

    /** The document-level extension that describes the answers to requests no operation matches. */
    public static final String UNMATCHED_REQUESTS = "x-unmatched-requests";

    private static Spec current;

    private final String text;
    private final OpenAPI model;
    private final List<String> parserMessages;
    private final List<SpecOperation> operations;

    private Spec(String text) {
        this.text = text;
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, fullyResolved());
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("The spec does not parse: " + result.getMessages());
        }
        this.model = result.getOpenAPI();
        this.parserMessages = result.getMessages() == null ? List.of() : List.copyOf(result.getMessages());
        this.operations = collectOperations(model);
    }

    /** The spec this build ships. */
    public static synchronized Spec current() {
        if (current == null) {
            current = new Spec(readResource(RESOURCE));
        }
        return current;
    }

    public static Spec of(String text) {
        return new Spec(text);
    }

    public String text() {
        return text;
    }

    /** The model with every {@code $ref} inlined, so that schemas can be walked without a lookup table. */
    public OpenAPI model() {
        return model;
    }

    /** Errors and warnings of the parser; a healthy spec has none. */
    public List<String> parserMessages() {
        return parserMessages;
    }

    public List<SpecOperation> operations() {
        return operations;
    }

    public SpecOperation operation(String operationId) {
        return operations.stream()
                .filter(op -> operationId.equals(op.operationId()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The spec has no operation " + operationId));
    }

    /** The operation a concrete request lands on, by method and path (query string excluded). */
    public Optional<SpecOperation> operationFor(String method, String path) {
        return operationsAt(path).stream()
                .filter(op -> op.matches(method, path))
                .findFirst();
    }

    /**
     * The operations of the most concrete templates a concrete path matches: as OpenAPI says, concrete paths are
     * matched before templated ones, so {@code /v1/users/me} is not {@code /v1/users/{id}}, and no method of
     * {@code /v1/team/members/{userId}} reaches {@code /v1/team/members/invite}.
     */
    public List<SpecOperation> operationsAt(String path) {
        List<SpecOperation> matching = operations.stream()
                .filter(op -> op.pathPattern().matcher(path).matches())
                .toList();
        long fewest = matching.stream().mapToLong(Spec::templateVariables).min().orElse(0);
        return matching.stream().filter(op -> templateVariables(op) == fewest).toList();
    }

    private static long templateVariables(SpecOperation operation) {
        return operation.path().chars().filter(c -> c == '{').count();
    }

    /** The paths of the spec with the methods each one documents. */
    public Map<String, List<String>> methodsByPath() {
        Map<String, List<String>> methods = new LinkedHashMap<>();
        for (SpecOperation op : operations) {
            methods.computeIfAbsent(op.path(), path -> new ArrayList<>()).add(op.method());
        }
        return methods;
    }

    public Schema<?> componentSchema(String name) {
        Schema<?> schema = model.getComponents().getSchemas().get(name);
        if (schema == null) {
            throw new IllegalArgumentException("The spec has no schema " + name);
        }
        return schema;
    }

    /**
     * The responses {@code x-unmatched-requests} describes for requests that match no operation, by status: each
     * a {@code $ref} to {@code components/responses}, read from the text (the parser may inline extensions).
     */
    public Map<String, ApiResponse> unmatchedRequestResponses() {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        SpecVariant.of(text)
                .at("/" + UNMATCHED_REQUESTS + "/responses")
                .fields()
                .forEachRemaining(entry -> {
                    String ref = entry.getValue().path("$ref").asText();
                    String prefix = "#/components/responses/";
                    ApiResponse response =
                            ref.startsWith(prefix) && model.getComponents().getResponses() != null
                                    ? model.getComponents().getResponses().get(ref.substring(prefix.length()))
                                    : null;
                    if (response == null) {
                        throw new IllegalStateException(UNMATCHED_REQUESTS + "/responses/" + entry.getKey()
                                + " must $ref a response of components/responses, not " + entry.getValue());
                    }
                    responses.put(entry.getKey(), response);
                });
        return responses;
    }

    public String version() {
        return model.getInfo().getVersion();
    }

    private static List<SpecOperation> collectOperations(OpenAPI model) {
        List<SpecOperation> operations = new ArrayList<>();
        model.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> operations.add(
                                SpecOperation.of(model, path, method.name(), operation, parameters(item, operation)))));
        return List.copyOf(operations);
    }

    /** Path-level parameters apply to every operation of the path unless the operation redefines them. */
    private static List<Parameter> parameters(PathItem item, Operation operation) {
        Map<String, Parameter> byKey = new LinkedHashMap<>();
        Stream.of(item.getParameters(), operation.getParameters())
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .forEach(parameter -> byKey.put(parameter.getIn() + ":" + parameter.getName(), parameter));
        return List.copyOf(byKey.values());
    }

    private static ParseOptions fullyResolved() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return options;
    }

    public static String readResource(String name) {
        try (InputStream in = Spec.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
