package cloud.scaling.contract.spec;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A response as it came over the wire. Header names are case-insensitive. */
public record WireResponse(int status, Map<String, List<String>> headers, String body) {

    public WireResponse {
        Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = caseInsensitive;
    }

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
