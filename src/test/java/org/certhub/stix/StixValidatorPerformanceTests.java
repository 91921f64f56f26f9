package org.certhub.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A coarse throughput guard: the hub must sustain well over 10,000 objects per second on two cores, of which
 * validation is only a part. The bound is loose on purpose (shared CI machines); the measured figure is printed.
 */
class StixValidatorPerformanceTests {

    @Test
    void validatesATypicalObjectInWellUnderTwentyMicroseconds() throws IOException {
        JsonNode bundle;
        try (InputStream in = getClass().getResourceAsStream("/stix/valid/energy-ransomware-incident.json")) {
            bundle = JsonMapper.builder().build().readTree(in);
        }
        int objects = bundle.get("objects").size();
        StixValidator validator = new StixValidator();
        for (int i = 0; i < 3_000; i++) {
            assertThat(validator.validateBundle(bundle).valid()).isTrue();
        }

        int rounds = 5_000;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            validator.validateBundle(bundle);
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / rounds / objects;

        System.out.printf("StixValidator: %.2f µs per object (%d objects per bundle)%n", micros, objects);
        assertThat(micros).isLessThan(20.0);
    }
}
