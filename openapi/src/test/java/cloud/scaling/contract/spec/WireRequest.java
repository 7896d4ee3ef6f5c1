package cloud.scaling.contract.spec;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A request as it went over the wire: method, raw path, decoded query, headers and body (null for none). */
public record WireRequest(
        String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers, String body) {

    /** Splits a target such as {@code /v1/incidents?limit=5} into path and decoded query. */
    public static WireRequest of(String method, String target, Map<String, List<String>> headers, String body) {
        URI uri = URI.create(target);
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        return new WireRequest(method.toUpperCase(), uri.getRawPath(), query, caseInsensitive, body);
    }

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String line() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
