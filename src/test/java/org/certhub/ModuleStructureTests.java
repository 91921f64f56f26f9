package org.certhub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module rules of STYLE.md: no cycles between feature modules; {@code stix}, {@code web} (the
 * shared HTTP error format) and {@code kafka} (shared topic following) depend on nothing of ours;
 * {@code tenancy} only on those three; only
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

    @Test
    void stixDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.certhub.stix..")
                .should().dependOnClassesThat().resideInAnyPackage(otherModulesThan("stix"))
                .allowEmptyShould(true).check(HUB);
    }

    @Test
    void webDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.certhub.web..")
                .should().dependOnClassesThat().resideInAnyPackage(otherModulesThan("web"))
                .allowEmptyShould(true).check(HUB);
    }

    @Test
    void kafkaPlumbingDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.certhub.kafka..")
                .should().dependOnClassesThat().resideInAnyPackage(otherModulesThan("kafka"))
                .allowEmptyShould(true).check(HUB);
    }

    @Test
    void tenancyDependsOnlyOnStixWebAndKafkaPlumbing() {
        noClasses().that().resideInAPackage("org.certhub.tenancy..")
                .should().dependOnClassesThat().resideInAnyPackage(otherModulesThan("tenancy", "stix", "web", "kafka"))
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

    private static final String[] MODULES = {"stix", "web", "kafka", "tenancy", "intake", "pipeline", "search", "correlation",
            "playbook", "notify", "feed", "console", "local"};

    private static String[] otherModulesThan(String... allowed) {
        java.util.List<String> allowedList = java.util.List.of(allowed);
        return java.util.Arrays.stream(MODULES).filter(m -> !allowedList.contains(m))
                .map(m -> "org.certhub." + m + "..").toArray(String[]::new);
    }
}
