package org.certhub.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the official examples of the STIX 2.1 Patterning specification (OASIS, kept outside the repository in
 * {@code shared/stix21}). Skipped, visibly, on machines without that folder.
 */
class StixPatternConformanceTests {

    private static final String DIRECTORY_PROPERTY = "certhub.stix21.dir";
    private static final String EXAMPLES = "patterns/spec_examples-v21.txt";

    @Test
    void parsesEveryExamplePatternOfTheSpecification() throws IOException {
        Optional<Path> directory = stix21Directory();
        assumeTrue(directory.isPresent(), "STIX 2.1 conformance skipped: ../shared/stix21 not found"
                + Optional.ofNullable(System.getProperty(DIRECTORY_PROPERTY))
                        .map(configured -> " (" + DIRECTORY_PROPERTY + "=" + configured + " is not a directory)")
                        .orElse(" (set -D" + DIRECTORY_PROPERTY + " to its location)"));
        Path examples = directory.get().resolve(EXAMPLES);
        assertThat(examples).as("spec example patterns").isRegularFile();
        List<String> patterns = Files.readAllLines(examples, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .collect(Collectors.toList());

        assertThat(patterns).hasSizeGreaterThanOrEqualTo(23);
        for (String pattern : patterns) {
            assertThatCode(() -> StixPattern.parse(pattern)).as(pattern).doesNotThrowAnyException();
        }
    }

    /** The system property wins; otherwise {@code ../shared/stix21}, then {@code shared/stix21} in any parent. */
    private static Optional<Path> stix21Directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        Path sibling = Path.of("../shared/stix21");
        if (Files.isDirectory(sibling)) {
            return Optional.of(sibling);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("stix21");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
