package org.certhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.certhub.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class BundleReaderTests {

    private final BundleReader reader = new BundleReader(new IntakeProperties(DataSize.ofKilobytes(64), 100, 8, 1000,
            100, "t", 1, (short) 1, Duration.ofSeconds(1), Duration.ofSeconds(1), 10, 10,
            new IntakeProperties.Admission(1, "g", "p", Path.of("data"), DataSize.ofGigabytes(1), Duration.ofSeconds(1),
                    Duration.ofSeconds(1))));

    @Test
    void readsAWellFormedBody() {
        assertThat(read("{\"type\":\"bundle\"}", -1).path("type").asString()).isEqualTo("bundle");
    }

    @Test
    void refusesADeclaredLengthOverTheLimitBeforeReading() {
        assertThatThrownBy(() -> read("{}", 10_000_000)).satisfies(e -> assertProblem(e, 413, "bundle-too-large"));
    }

    @Test
    void refusesABodyOverTheLimitWithoutADeclaredLength() {
        String big = "{\"a\":\"" + "x".repeat(70_000) + "\"}";
        assertThatThrownBy(() -> read(big, -1)).satisfies(e -> assertProblem(e, 413, "bundle-too-large"));
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        assertThatThrownBy(() -> read("[".repeat(20) + "]".repeat(20), -1))
                .satisfies(e -> assertProblem(e, 413, "bundle-too-deep"));
    }

    @Test
    void refusesAStringLongerThanTheLimit() {
        assertThatThrownBy(() -> read("{\"a\":\"" + "x".repeat(2000) + "\"}", -1))
                .satisfies(e -> assertProblem(e, 413, "string-too-long"));
    }

    @Test
    void reportsMalformedJsonWithItsPositionButNotItsContent() {
        assertThatThrownBy(() -> read("{\"secret-value\": tru}", -1)).satisfies(e -> {
            assertProblem(e, 400, "malformed-json");
            assertThat(((ProblemException) e).problem().getDetail()).contains("line 1").doesNotContain("secret-value");
        });
    }

    @Test
    void refusesDuplicatePropertyNames() {
        assertThatThrownBy(() -> read("{\"id\":\"a\",\"id\":\"b\"}", -1)).satisfies(e -> assertProblem(e, 400, "malformed-json"));
    }

    private tools.jackson.databind.JsonNode read(String body, long declared) {
        return reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), declared);
    }

    private static void assertProblem(Throwable e, int status, String slug) {
        assertThat(e).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) e).problem().getStatus()).isEqualTo(status);
        assertThat(((ProblemException) e).problem().getType().toString()).endsWith("/" + slug);
    }
}
