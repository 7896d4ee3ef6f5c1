package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Reply;
import cloud.scaling.contract.server.support.ServerContractTest;
import org.junit.jupiter.api.Test;

/** getHealth, getOpenApiDocument and getApiReference (which a browser renders in ApiReferenceBrowserTest). */
class MetaContractTest extends ServerContractTest {

    @Test
    void aHealthyServerSaysUp() {
        assertEquals(
                "UP",
                http.get("/health").send().expect(200).json().get("status").asText());
    }

    @Test
    void servesTheSpecByteForByte() {
        assertEquals(SPEC.text(), http.get("/openapi.yaml").send().expect(200).body());
    }

    @Test
    void servesTheReferencePageWithTheRendererInlinedAndNoOtherHost() {
        Reply page = http.get("/docs").send().expect(200);
        assertTrue(page.body().contains("SwaggerUIBundle({"), "the renderer is inlined into the page");
        assertTrue(page.body().contains("url: \"openapi.yaml\""), "the page renders the document this server serves");
        assertTrue(page.header("Content-Security-Policy").contains("default-src 'none'"));
    }
}
