package org.certhub.benchmark;

import java.io.IOException;
import java.io.InputStream;

import org.certhub.stix.StixValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The validator's cost per object, on a realistic incident bundle, printed (never asserted: a timed
 * unit test fails on a busy machine and proves nothing on a quiet one). Run on demand:
 * <pre>
 * ./mvnw -B -q -Pbenchmark verify -Dbench.check=validator
 * </pre>
 */
public class StixValidatorBenchmark {

    @Test
    @EnabledIfSystemProperty(named = "bench.check", matches = "validator")
    void validatorCostPerObject() throws IOException {
        JsonNode bundle;
        try (InputStream in = getClass().getResourceAsStream("/stix/valid/energy-ransomware-incident.json")) {
            bundle = JsonMapper.builder().build().readTree(in);
        }
        int objects = bundle.get("objects").size();
        StixValidator validator = new StixValidator();
        if (!validator.validateBundle(bundle).valid()) {
            throw new IllegalStateException("the benchmark's bundle must be valid");
        }
        for (int i = 0; i < 3_000; i++) {
            validator.validateBundle(bundle);
        }
        int rounds = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            validator.validateBundle(bundle);
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / rounds / objects;
        System.out.printf("StixValidator: %.2f µs per object (%d objects a bundle, %,d rounds after 3,000 of warm-up)%n",
                micros, objects, rounds);
    }
}
