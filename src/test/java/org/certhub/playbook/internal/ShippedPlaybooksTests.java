package org.certhub.playbook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every file under {@code playbooks/} is a valid playbook whose id and version match its path. */
class ShippedPlaybooksTests {

    private static final Path PLAYBOOKS = Path.of("playbooks");

    @Test
    void everyShippedPlaybookIsValidAndLivesAtItsIdAndVersion() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(PLAYBOOKS)) {
            files = walk.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".yaml")
                    || file.toString().endsWith(".yml")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : files) {
            PlaybookValidator.Result result = PlaybookValidator.validate(Files.readString(file));
            assertThat(result.errors()).as(file.toString()).isEmpty();
            Playbook playbook = result.playbook().orElseThrow();
            assertThat(PLAYBOOKS.relativize(file).toString().replace('\\', '/'))
                    .isEqualTo(playbook.id() + "/v" + playbook.version() + ".yaml");
        }
    }

    @Test
    void theCommunityHasItsFourPlaybooks() {
        assertThat(PLAYBOOKS.resolve("cross-border-energy-campaign/v1.yaml")).exists();
        assertThat(PLAYBOOKS.resolve("government-ddos/v1.yaml")).exists();
        assertThat(PLAYBOOKS.resolve("phishing-disinformation/v1.yaml")).exists();
        assertThat(PLAYBOOKS.resolve("mass-exploitation/v1.yaml")).exists();
    }
}
