package cloud.scaling.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each house rule fails on its deliberate violation in the fixture house ({@code architecture.fixture}) and
 * on nothing else there, so a rule that cannot fail is not among them.
 */
class HouseRulesTest {

    private static final String ROOT = "cloud.scaling.architecture.fixture";
    private static final JavaClasses HOUSE = new ClassFileImporter().importPackages(ROOT);

    @Test
    void aKernelThatKnowsAFeatureFails() {
        assertEquals(List.of("KernelClock -> AlertIntake"), violations(HouseRules.kernelsUseOnlyKernels(ROOT)));
    }

    @Test
    void aWireTypeInTheDomainFails() {
        assertEquals(List.of("AlertIntake -> WireIncident"), violations(HouseRules.wireTypesStayAtTheEdge(ROOT)));
    }

    @Test
    void anotherFeaturesRowFails() {
        assertEquals(List.of("AlertIntake -> IncidentRow"), violations(HouseRules.noForeignRowsOrRepositories(ROOT)));
    }

    @Test
    void httpInTheDomainFails() {
        assertEquals(List.of("AlertIntake -> HttpStatus"), violations(HouseRules.httpStaysAtTheEdge(ROOT)));
    }

    /** "Origin -> Target" per offending field, from the rule's report. */
    private static List<String> violations(ArchRule rule) {
        return rule.evaluate(HOUSE).getFailureReport().getDetails().stream()
                .map(HouseRulesTest::edge)
                .distinct()
                .sorted()
                .toList();
    }

    private static String edge(String detail) {
        // "Field <a.b.AlertIntake.wire> has type <a.b.WireIncident> in (AlertIntake.java:0)"
        String[] names = detail.replaceAll("[^<]*<([^>]*)>[^<]*", "$1 ").trim().split(" ");
        return simple(owner(names[0])) + " -> " + simple(names[1]);
    }

    private static String owner(String member) {
        return member.substring(0, member.lastIndexOf('.'));
    }

    private static String simple(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
