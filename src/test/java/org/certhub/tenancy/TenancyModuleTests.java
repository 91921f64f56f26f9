package org.certhub.tenancy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The tenancy module's sub-packages (keys, kafka, admin, security, web) are its internals: some of
 * their types are public only so that the sub-packages can use each other.
 */
class TenancyModuleTests {

    private static final JavaClasses HUB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.certhub");

    @Test
    void otherModulesUseOnlyTheTenancyRootPackage() {
        noClasses().that().resideOutsideOfPackage("org.certhub.tenancy..")
                .should().dependOnClassesThat().resideInAPackage("org.certhub.tenancy.(*)..")
                .allowEmptyShould(true).check(HUB);
    }

    @Test
    void theRootPackageDependsOnNoneOfItsInternals() {
        noClasses().that().resideInAPackage("org.certhub.tenancy")
                .should().dependOnClassesThat().resideInAPackage("org.certhub.tenancy.(*)..")
                .allowEmptyShould(true).check(HUB);
    }
}
