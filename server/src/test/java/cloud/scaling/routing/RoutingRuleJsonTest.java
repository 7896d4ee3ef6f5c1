package cloud.scaling.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Rules are stored as JSON in a column: severities keep their wire spelling, so stored policies read back. */
class RoutingRuleJsonTest {

    private final ObjectMapper json = ObjectMapper.getDefault();

    @Test
    void severityIsWrittenAndReadInItsWireSpelling() throws IOException {
        String stored = json.writeValueAsString(RoutingPolicyService.DEFAULT_RULES.subList(0, 2));
        assertEquals(
                "[{\"severity\":\"critical\",\"outcome\":\"incident\"},{\"severity\":\"high\",\"outcome\":\"incident\"}]",
                stored);
        assertEquals(
                RoutingPolicyService.DEFAULT_RULES.subList(0, 2),
                json.readValue(stored, Argument.listOf(RoutingRule.class)));
    }
}
