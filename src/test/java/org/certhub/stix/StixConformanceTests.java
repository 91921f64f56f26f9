package org.certhub.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the validator over the OASIS conformance data in {@code shared/stix21} (not copied into the project):
 * every example and every valid validator case must be accepted, every invalid case rejected.
 */
class StixConformanceTests {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private final StixValidator validator = new StixValidator();

    @TestFactory
    Stream<DynamicTest> acceptsEveryOasisExample() throws IOException {
        Path root = conformanceDir();
        return dynamicTests(jsonFiles(root.resolve("examples")), true);
    }

    @TestFactory
    Stream<DynamicTest> acceptsEveryValidValidatorCase() throws IOException {
        Path root = conformanceDir();
        return dynamicTests(jsonFiles(root.resolve("validator-cases/valid")), true);
    }

    @TestFactory
    Stream<DynamicTest> rejectsEveryInvalidValidatorCase() throws IOException {
        Path root = conformanceDir();
        return dynamicTests(jsonFiles(root.resolve("validator-cases/invalid")), false);
    }

    private Stream<DynamicTest> dynamicTests(List<Path> files, boolean expectValid) {
        assertThat(files).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            ValidationReport report = validate(file);
            if (expectValid) {
                assertThat(report.errors()).as(file.toString()).isEmpty();
            } else {
                assertThat(report.valid()).as(file.toString()).isFalse();
            }
        }));
    }

    /** Malformed JSON counts as a rejection; bundles go to validateBundle, single objects to validateObject. */
    private ValidationReport validate(Path file) throws IOException {
        JsonNode document;
        try {
            document = MAPPER.readTree(Files.readString(file));
        } catch (JacksonException e) {
            return new ValidationReport(List.of(new ValidationError("", "json-syntax", e.getOriginalMessage())),
                    List.of());
        }
        boolean bundle = !document.isObject() || "bundle".equals(document.path("type").asString(""));
        return bundle ? validator.validateBundle(document) : validator.validateObject(document, "");
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /**
     * The folder is found from the system property {@code certhub.stix21.dir}, then {@code ../shared/stix21},
     * then by walking up from the working directory; the tests are skipped when it is absent.
     */
    static Path conformanceDir() {
        Optional<Path> dir = locate();
        Assumptions.assumeTrue(dir.isPresent(), "STIX 2.1 conformance skipped: shared/stix21 not found");
        return dir.get();
    }

    private static Optional<Path> locate() {
        String property = System.getProperty("certhub.stix21.dir");
        if (property != null && Files.isDirectory(Paths.get(property))) {
            return Optional.of(Paths.get(property));
        }
        Path cwd = Paths.get("").toAbsolutePath();
        Path sibling = cwd.resolve("../shared/stix21").normalize();
        if (Files.isDirectory(sibling)) {
            return Optional.of(sibling);
        }
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/stix21");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
