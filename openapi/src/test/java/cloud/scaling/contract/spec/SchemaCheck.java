package cloud.scaling.contract.spec;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.List;

/**
 * Validates one JSON value against one schema of the spec with the same engine that validates the exchanges
 * (swagger-request-validator), so an example and a live response are judged by the same rules.
 */
public final class SchemaCheck {

    private final OpenAPI api;
    private final SchemaValidator validator;

    public SchemaCheck(String specText) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        this.api = new OpenAPIV3Parser().readContents(specText, null, options).getOpenAPI();
        this.validator = new SchemaValidator(api, new MessageResolver());
    }

    /** The parsed spec with references kept, as the validator sees it. */
    public OpenAPI api() {
        return api;
    }

    /** The problems of {@code value} against {@code schema}; empty when it is valid. */
    public List<String> problems(JsonNode value, Schema<?> schema) {
        ValidationReport report = validator.validate(() -> value, schema, "example");
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::getMessage)
                .toList();
    }

    public List<String> problems(JsonNode value, String componentSchema) {
        Schema<?> schema = api.getComponents().getSchemas().get(componentSchema);
        if (schema == null) {
            throw new IllegalArgumentException("The spec has no schema " + componentSchema);
        }
        return problems(value, schema);
    }
}
