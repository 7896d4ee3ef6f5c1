package cloud.scaling.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

/**
 * The server keeps the house rules ({@link HouseRules}). Edges that broke a rule when it was written are frozen in
 * {@code src/test/resources/archunit-store} (FreezingArchRule): they may only go away, never be added to; when one
 * is removed the store shrinks by itself. Each rule's own test, on fixtures, shows it fails on a violation.
 */
class FeatureBoundariesTest {

    private static final String ROOT = "cloud.scaling";
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void kernelsUseOnlyKernels() {
        frozen(HouseRules.kernelsUseOnlyKernels(ROOT)).check(SERVER);
    }

    @Test
    void wireTypesStayAtTheEdge() {
        frozen(HouseRules.wireTypesStayAtTheEdge(ROOT)).check(SERVER);
    }

    @Test
    void noFeatureUsesAnotherFeaturesRowsOrRepositories() {
        frozen(HouseRules.noForeignRowsOrRepositories(ROOT)).check(SERVER);
    }

    @Test
    void httpStaysAtTheEdge() {
        frozen(HouseRules.httpStaysAtTheEdge(ROOT)).check(SERVER);
    }

    private static ArchRule frozen(ArchRule rule) {
        return FreezingArchRule.freeze(rule);
    }
}
