package org.certhub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module rules of STYLE.md: no cycles between feature modules; {@code stix}, {@code web} (the
 * shared HTTP error format), {@code kafka} (shared topic following, client credentials) and
 * {@code outbound} (the policy and client for calls to others' URLs) depend on nothing of ours;
 * {@code tenancy} only on those four; only
 * start-up wiring knows {@code local}; no module reaches into another module's {@code internal} package.
 */
class ModuleStructureTests {

    private static final JavaClasses HUB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.certhub");

    @Test
    void featureModulesHaveNoCycles() {
        slices().matching("org.certhub.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(HUB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stix", "web", "kafka", "outbound"})
    void sharedModulesDependOnNothingOfOurs(String module) {
        noClasses().that().resideInAPackage("org.certhub." + module + "..")
                .should().dependOnClassesThat().resideInAnyPackage(otherModulesThan(module))
                .allowEmptyShould(true).check(HUB);
    }

    @Test
    void tenancyDependsOnlyOnSharedModules() {
        noClasses().that().resideInAPackage("org.certhub.tenancy..")
                .should().dependOnClassesThat().resideInAnyPackage(otherModulesThan("tenancy", "stix", "web", "kafka", "outbound"))
                .allowEmptyShould(true).check(HUB);
    }

    @Test
    void onlyStartUpWiringKnowsTheLocalEngines() {
        noClasses().that().resideOutsideOfPackage("org.certhub.local..")
                .should().dependOnClassesThat().resideInAPackage("org.certhub.local..")
                .allowEmptyShould(true).check(HUB);
    }

    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        for (String module : MODULES) {
            noClasses().that().resideOutsideOfPackage("org.certhub." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.certhub." + module + ".internal..")
                    .allowEmptyShould(true).check(HUB);
        }
    }

    private static final String[] MODULES = {"stix", "web", "kafka", "outbound", "tenancy", "intake", "pipeline", "search", "correlation",
            "playbook", "notify", "feed", "console", "local"};

    private static String[] otherModulesThan(String... allowed) {
        java.util.List<String> allowedList = java.util.List.of(allowed);
        return java.util.Arrays.stream(MODULES).filter(m -> !allowedList.contains(m))
                .map(m -> "org.certhub." + m + "..").toArray(String[]::new);
    }
}
