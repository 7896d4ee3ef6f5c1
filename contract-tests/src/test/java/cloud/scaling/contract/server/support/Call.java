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

    Call(ContractHttp http, String method, String target) {
        this.http = http;
        this.method = method;
        this.target = target;
    }

    /** Authenticates as the organization's admin. */
    public Call as(Org org) {
        return key(org.apiKey());
    }

    public Call key(String apiKey) {
        return header("Authorization", "Bearer " + apiKey);
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
