package cloud.scaling.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.support.Promtool;
import org.junit.jupiter.api.Test;

/**
 * The alert rules shipped in {@code deploy/prometheus/} load in Prometheus and pass their unit tests, in which
 * each rule fires on the series of its failure and stays silent on a healthy server's.
 */
class PrometheusRulesTest {

    @Test
    void theRulesAreValid() {
        Promtool.Run check = Promtool.run(Promtool.RULES_DIRECTORY, null, "check", "rules", "scaling-rules.yaml");
        assertEquals(0, check.exitCode(), check.output());
    }

    @Test
    void theRulesPassTheirUnitTests() {
        Promtool.Run test = Promtool.run(Promtool.RULES_DIRECTORY, null, "test", "rules", "scaling-rules.test.yaml");
        assertEquals(0, test.exitCode(), test.output());
    }
}
