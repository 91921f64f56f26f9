package org.certhub.playbook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookRegistryTests {

    @TempDir
    Path directory;

    private final MemoryLedger ledger = new MemoryLedger();
    private PlaybookRegistry registry;

    @BeforeEach
    void newRegistry() {
        registry = new PlaybookRegistry(ledger, Clock.systemUTC(), 256 * 1024);
        registry.restore();
    }

    @Test
    void releasesAValidFileAndRecordsItsHash() throws IOException {
        write("v1.yaml", PlaybookValidatorTests.VALID);
        registry.scan(directory);

        ReleasedVersion released = registry.newest("test-playbook").orElseThrow();
        assertThat(released.sha256()).isEqualTo(Hashes.sha256(PlaybookValidatorTests.VALID));
        assertThat(ledger.entries).singleElement().extracting(VersionLedger.Entry::sha256).isEqualTo(released.sha256());
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void refusesAReleasedFileEditedInPlaceAndKeepsTheReleasedContent() throws IOException {
        write("v1.yaml", PlaybookValidatorTests.VALID);
        registry.scan(directory);
        String released = registry.newest("test-playbook").orElseThrow().sha256();

        write("v1.yaml", PlaybookValidatorTests.VALID.replace("title: Test", "title: Edited"));
        registry.scan(directory);

        assertThat(registry.newest("test-playbook").orElseThrow().sha256()).isEqualTo(released);
        assertThat(registry.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("test-playbook/v1.yaml");
            assertThat(problem.version()).isEqualTo(1);
            assertThat(problem.kind()).isEqualTo("changed-in-place");
            assertThat(problem.errors().get(0).message()).contains("version 1 of playbook 'test-playbook'")
                    .contains("test-playbook/v2.yaml");
        });
    }

    @Test
    void aRestartedHubStillRefusesAFileEditedWhileItWasDown() throws IOException {
        write("v1.yaml", PlaybookValidatorTests.VALID);
        registry.scan(directory);
        write("v1.yaml", PlaybookValidatorTests.VALID.replace("title: Test", "title: Edited"));

        PlaybookRegistry restarted = new PlaybookRegistry(ledger, Clock.systemUTC(), 256 * 1024);
        restarted.restore();
        restarted.scan(directory);

        assertThat(restarted.newest("test-playbook").orElseThrow().playbook().title()).isEqualTo("Test");
        assertThat(restarted.problems()).extracting(PlaybookRegistry.FileProblem::kind).containsExactly("changed-in-place");
    }

    @Test
    void aNewVersionFileBecomesTheNewestAndTheOldOneStays() throws IOException {
        write("v1.yaml", PlaybookValidatorTests.VALID);
        registry.scan(directory);
        write("v2.yaml", PlaybookValidatorTests.VALID.replace("version: 1", "version: 2"));
        registry.scan(directory);

        assertThat(registry.newest("test-playbook").orElseThrow().version()).isEqualTo(2);
        assertThat(registry.versions("test-playbook")).extracting(ReleasedVersion::version).containsExactly(1, 2);
    }

    @Test
    void reportsInvalidFilesAndFilesAtTheWrongPath() throws IOException {
        write("v1.yaml", "id: test-playbook\n");
        write("v3.yaml", PlaybookValidatorTests.VALID);
        write("notes.txt", "hello");
        write("draft.yaml", "id: x");
        registry.scan(directory);

        assertThat(registry.newest("test-playbook")).isEmpty();
        assertThat(registry.problems()).extracting(p -> p.file() + " " + p.errors().get(0).rule()).containsExactly(
                "test-playbook/draft.yaml file-name", "test-playbook/v1.yaml schema-required",
                "test-playbook/v3.yaml path-mismatch");
    }

    private void write(String name, String text) throws IOException {
        Files.createDirectories(directory.resolve("test-playbook"));
        Files.writeString(directory.resolve("test-playbook").resolve(name), text);
    }

    static final class MemoryLedger implements VersionLedger {
        final List<Entry> entries = new ArrayList<>();

        @Override
        public List<Entry> readAll() {
            return List.copyOf(entries);
        }

        @Override
        public void record(Entry entry) {
            entries.add(entry);
        }
    }
}
