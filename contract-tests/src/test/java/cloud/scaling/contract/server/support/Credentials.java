package cloud.scaling.contract.server.support;

import cloud.scaling.contract.spec.Samples;
import cloud.scaling.contract.spec.Spec;
import cloud.scaling.contract.spec.SpecOperation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Optional;

/**
 * The credential each operation asks for, read from the security scheme the spec gives it: an organization's API
 * key ({@code bearerAuth}), or an inbound integration's ingest token ({@code ingestToken}), issued once per
 * organization and integration type by creating an integration through the API (a token works only on its own
 * type's endpoint, the last segment of the ingest path: {@code /v1/alerts/grafana} takes a grafana integration's). A scheme the harness does not know fails loudly, so
 * that a new one is taught here rather than silently sent an API key.
 */
public final class Credentials {

    static final String API_KEY = "bearerAuth";
    static final String INGEST_TOKEN = "ingestToken";
    private static final String INGEST_TOKEN_ISSUER = "createInboundIntegration";

    private final ContractHttp http;
    private final Spec spec;

    Credentials(ContractHttp http, Spec spec) {
        this.http = http;
        this.spec = spec;
    }

    /** The operation's security scheme (its own security, else the document's); empty for a public one. */
    public static Optional<String> scheme(Spec spec, SpecOperation op) {
        List<SecurityRequirement> security = op.operation().getSecurity() != null
                ? op.operation().getSecurity()
                : spec.model().getSecurity();
        return security == null
                ? Optional.empty()
                : security.stream()
                        .flatMap(requirement -> requirement.keySet().stream())
                        .findFirst();
    }

    /** A credential of the scheme in its {@code bearerFormat} ({@code prefix_<32 …>}): the prefix, 32 × filler. */
    public static String wellFormed(Spec spec, String scheme, char filler) {
        SecurityScheme declared =
                spec.model().getComponents().getSecuritySchemes().get(scheme);
        String format = declared == null ? null : declared.getBearerFormat();
        if (format == null || format.indexOf('<') < 1) {
            throw new IllegalStateException("The security scheme " + scheme + " has no bearerFormat like prefix_<…>");
        }
        return format.substring(0, format.indexOf('<')) + String.valueOf(filler).repeat(32);
    }

    /** What {@code org} presents to {@code op}: the API key to a public operation too (it is ignored there). */
    public String of(SpecOperation op, Org org) {
        String scheme = scheme(spec, op).orElse(API_KEY);
        return switch (scheme) {
            case API_KEY -> org.apiKey();
            case INGEST_TOKEN -> {
                String type = op.path().substring(op.path().lastIndexOf('/') + 1);
                yield org.credentials().computeIfAbsent(INGEST_TOKEN + ":" + type, name -> issueIngestToken(org, type));
            }
            default ->
                throw new IllegalStateException(op.label() + " is secured by the scheme " + scheme + ", which "
                        + Credentials.class.getSimpleName() + " cannot issue credentials for yet");
        };
    }

    /** A credential of the operation's scheme that is well-formed but was never issued. */
    public String unknown(SpecOperation op) {
        return wellFormed(
                spec, scheme(spec, op).orElseThrow(() -> new IllegalArgumentException(op.label() + " is public")), '0');
    }

    private String issueIngestToken(Org org, String type) {
        SpecOperation issuer = spec.operation(INGEST_TOKEN_ISSUER);
        ObjectNode body = (ObjectNode) Samples.valid(issuer.requestSchema().orElseThrow());
        JsonNode created = http.call(issuer.method(), issuer.path())
                .as(org)
                .json(body.put("type", type))
                .send()
                .expect(issuer.successStatus().orElseThrow())
                .data();
        org.createdIds().add(created.get("id").asText());
        return created.get("token").asText();
    }
}
