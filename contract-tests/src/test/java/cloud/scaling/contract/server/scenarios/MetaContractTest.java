package cloud.scaling.contract.server.scenarios;

import cloud.scaling.contract.server.support.ServerContractTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** getHealth and getOpenApiDocument. */
class MetaContractTest extends ServerContractTest {

    @Test
    void aHealthyServerSaysUp() {
        assertEquals("UP", http.get("/health").send().expect(200).json().get("status").asText());
    }

    @Test
    void servesTheSpecByteForByte() {
        assertEquals(SPEC.text(), http.get("/openapi.yaml").send().expect(200).body());
    }
}
