package cloud.scaling.contract.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request being put together; {@link #send()} sends it through {@link ContractHttp}'s checks. */
public final class Call {

    private final ContractHttp http;
    private final String method;
    private final String target;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private String body;
    private String breach;
    private boolean outsideSpec;
    private Org caller;

    Call(ContractHttp http, String method, String target) {
        this.http = http;
        this.method = method;
        this.target = target;
    }

    /**
     * Authenticates as the organization's admin, with the credential the operation's security scheme asks for
     * (its API key, or its ingest token on the ingest endpoints), chosen when the request is sent.
     */
    public Call as(Org org) {
        this.caller = org;
        headers.remove("Authorization");
        return this;
    }

    /** Presents exactly this bearer credential, whatever the operation's scheme. */
    public Call key(String credential) {
        this.caller = null;
        return header("Authorization", "Bearer " + credential);
    }

    public Call header(String name, String value) {
        headers.put(name, List.of(value));
        return this;
    }

    public Call json(JsonNode json) {
        return json(json.toString());
    }

    public Call json(String json) {
        return body(json, "application/json");
    }

    public Call body(String body, String contentType) {
        this.body = body;
        return header("Content-Type", contentType);
    }

    /** Declares the request deliberately invalid per the spec, saying how; the spec must agree it is. */
    public Call breakingSpec(String how) {
        this.breach = how;
        return this;
    }

    /** Declares a request that no operation of the spec covers (unknown route, unsupported method). */
    public Call outsideSpec() {
        this.outsideSpec = true;
        return this;
    }

    public Reply send() {
        return http.send(this);
    }

    String method() {
        return method;
    }

    String target() {
        return target;
    }

    Map<String, List<String>> headers() {
        return headers;
    }

    Org caller() {
        return caller;
    }

    String body() {
        return body;
    }

    String breach() {
        return breach;
    }

    boolean isOutsideSpec() {
        return outsideSpec;
    }
}
