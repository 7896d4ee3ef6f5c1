package cloud.scaling.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The server's package graph stays acyclic: a feature (incidents, components, orgs, …) may use the shared
 * kernels and features below it, never one that uses it back. Sub-packages belong to their feature's slice.
 */
class PackageGraphTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("cloud.scaling");

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("cloud.scaling.(*)..").should().beFreeOfCycles().check(SERVER);
    }

    /** Finer than the features: no package and its sub-packages (or any two packages) use each other. */
    @Test
    void everyPackageFormsNoCycle() {
        slices().matching("cloud.scaling.(**)").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void sharedKernelsDependOnNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "cloud.scaling.shared..",
                        "cloud.scaling.pagination..",
                        "cloud.scaling.web..",
                        "cloud.scaling.secrets..",
                        "cloud.scaling.scheduling..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "cloud.scaling.incidents..",
                        "cloud.scaling.components..",
                        "cloud.scaling.orgs..",
                        "cloud.scaling.auth..",
                        "cloud.scaling.audit..",
                        "cloud.scaling.idempotency..",
                        "cloud.scaling.admin..")
                .check(SERVER);
    }
}
