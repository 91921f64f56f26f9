package org.certhub.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.certhub.stix.StixValidator;
import org.certhub.stix.ValidationReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

/** The benchmark's generated bundles must stay valid STIX 2.1 as the validator grows, or the hub answers 400. */
class StixBundleGeneratorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(ints = {1, 6, 10, 17, 100})
    void generatesValidBundlesOfFreshObjectsAboutOneKibibyteEach(int objectsPerBundle) {
        StixBundleGenerator generator = new StixBundleGenerator(42, 7, 0x5eed0001);
        StixValidator validator = new StixValidator();
        Set<String> ids = new HashSet<>();
        long bytes = 0;
        int objects = 0;
        for (int i = 0; i < 50; i++) {
            StixBundleGenerator.Bundle bundle = generator.next(objectsPerBundle);
            ValidationReport report = validator.validateBundle(JSON.readTree(bundle.json()));
            assertThat(report.errors()).as("bundle %d of %d objects", i, objectsPerBundle).isEmpty();
            assertThat(bundle.id()).startsWith(StixBundleGenerator.bundlePrefix(0x5eed0001));
            assertThat(bundle.objects()).hasSize(objectsPerBundle);
            for (StixBundleGenerator.StixObject object : bundle.objects()) {
                assertThat(ids.add(object.id())).as("fresh id %s", object.id()).isTrue();
                bytes += object.json().length;
                objects++;
            }
        }
        if (objectsPerBundle >= 10) {
            assertThat(bytes / objects).isBetween(800L, 1300L);
        }
    }
}
