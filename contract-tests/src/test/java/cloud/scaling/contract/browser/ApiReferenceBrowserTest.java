package cloud.scaling.contract.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.ContractServer;
import cloud.scaling.contract.spec.Spec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code /docs} in a real browser: the page the server serves renders, offline and under its own
 * Content-Security-Policy, every operation of the spec the server serves, and nothing else; and tries requests on
 * the server that served it.
 */
class ApiReferenceBrowserTest {

    // One rendered operation: Swagger UI's summary line with its method, path and operationId.
    private static final Pattern RENDERED_OPERATION = Pattern.compile(
            "<span class=\"opblock-summary-method\">"
                    + "([A-Z]+)</span>.*?data-path=\"([^\"]+)\".*?<span class=\"opblock-summary-operation-id\">([^<]+)</span>",
            Pattern.DOTALL);

    // One choice of the servers' drop-down.
    private static final Pattern SERVER_OPTION = Pattern.compile("<option value=\"(https?://[^\"]+)\"");

    @Test
    void rendersEveryOperationOfTheSpec() {
        ContractServer server = ContractServer.shared();
        String dom = HeadlessChromium.renderedDom(server.uri().resolve("/docs"));

        Set<String> rendered = new TreeSet<>();
        Matcher operation = RENDERED_OPERATION.matcher(dom);
        while (operation.find()) {
            rendered.add(operation.group(1) + " " + operation.group(2) + " " + operation.group(3));
        }
        Set<String> specified = Spec.current().operations().stream()
                .map(op -> op.method() + " " + op.path() + " " + op.operationId())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                specified,
                rendered,
                () -> "The page rendered other operations than the spec has; its body: " + renderedBody(dom));
    }

    /** "Try it out" sends to the server that served the page: its origin is the first, chosen, server. */
    @Test
    void triesRequestsOnTheServerThatServedThePage() {
        ContractServer server = ContractServer.shared();
        String dom = HeadlessChromium.renderedDom(server.uri().resolve("/docs"));
        Matcher servers = SERVER_OPTION.matcher(dom);
        List<String> offered = new ArrayList<>();
        while (servers.find()) {
            offered.add(servers.group(1));
        }
        String origin = server.uri().resolve("/").toString().replaceAll("/$", "");
        assertFalse(offered.isEmpty(), () -> "no server choice rendered: " + renderedBody(dom));
        assertEquals(origin, offered.get(0), offered::toString);
        assertEquals(1, Collections.frequency(offered, origin), offered::toString);
        assertTrue(offered.contains("https://api.scaling.cloud"), "the document's own servers stay: " + offered);
    }

    /** What Swagger UI rendered (its errors included), without the inlined styles and scripts. */
    private static String renderedBody(String dom) {
        int start = Math.max(0, dom.indexOf("id=\"swagger-ui\""));
        return dom.substring(start, Math.min(dom.length(), start + 2000));
    }
}
