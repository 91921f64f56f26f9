package org.certhub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchDistributionTests {

    @TempDir
    Path dir;

    @Test
    void unpacksOnceAndReusesTheUnpackedServer() throws IOException {
        Path zip = zip(Map.of("elasticsearch-1.0.0/bin/elasticsearch", "#!/bin/sh", "elasticsearch-1.0.0/lib/x.jar", "x"));

        Path home = ElasticsearchDistribution.ensureUnpacked("1.0.0", Optional.of(zip), dir.resolve("dist"));
        Files.delete(zip);
        Path again = ElasticsearchDistribution.ensureUnpacked("1.0.0", Optional.of(zip), dir.resolve("dist"));

        assertThat(again).isEqualTo(home);
        assertThat(home.resolve("bin/elasticsearch")).isExecutable();
        assertThat(home.resolve("lib/x.jar")).hasContent("x");
    }

    @Test
    void refusesAZipEntryThatEscapesTheTargetDirectory() throws IOException {
        Path zip = zip(Map.of("elasticsearch-1.0.0/../../evil", "x"));

        assertThatThrownBy(() -> ElasticsearchDistribution.ensureUnpacked("1.0.0", Optional.of(zip), dir.resolve("dist")))
                .isInstanceOf(LocalInfrastructureException.class);
        assertThat(dir.resolve("evil")).doesNotExist();
    }

    @Test
    void saysHowToGetTheDistributionWhenItIsMissing() {
        assertThatThrownBy(() -> ElasticsearchDistribution.ensureUnpacked("1.0.0",
                Optional.of(dir.resolve("nope.zip")), dir.resolve("dist")))
                .hasMessageContaining("nope.zip").hasMessageContaining("./mvnw package");
    }

    private Path zip(Map<String, String> entries) throws IOException {
        Path zip = dir.resolve("es.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zipOut.putNextEntry(new ZipEntry(entry.getKey()));
                zipOut.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zipOut.closeEntry();
            }
        }
        return zip;
    }
}
