package org.certhub.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch server distribution that the build fetched from Maven Central, unpacked once
 * into the data directory and reused by every later start.
 */
final class ElasticsearchDistribution {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchDistribution.class);
    private static final String COMPLETE_MARKER = ".certhub-unpacked";

    private ElasticsearchDistribution() {
    }

    /** The server's home directory under {@code distRoot}, unpacking the zip on first use. */
    static Path ensureUnpacked(String version, Optional<Path> configuredZip, Path distRoot) {
        Path home = distRoot.resolve("elasticsearch-" + version);
        if (Files.exists(home.resolve(COMPLETE_MARKER))) {
            return home;
        }
        Path zip = locateZip(version, configuredZip);
        log.info("Unpacking Elasticsearch {} from {} into {} (once)", version, zip, home);
        try {
            Files.createDirectories(distRoot);
            Path staging = Files.createTempDirectory(distRoot, ".unpacking-");
            unzip(zip, staging);
            Path unpacked = staging.resolve("elasticsearch-" + version);
            deleteRecursively(home);
            Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(staging);
            markExecutable(home.resolve("bin"));
            Files.createFile(home.resolve(COMPLETE_MARKER));
            return home;
        } catch (IOException e) {
            throw new LocalInfrastructureException("Could not unpack " + zip + " into " + home, e);
        }
    }

    private static Path locateZip(String version, Optional<Path> configured) {
        String file = "elasticsearch-" + version + ".zip";
        List<Path> candidates = configured.map(List::of).orElseGet(() -> List.of(
                Path.of("target", "elasticsearch", file),
                Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "elasticsearch",
                        "distribution", "integ-test-zip", "elasticsearch", version, file)));
        return candidates.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new LocalInfrastructureException("The Elasticsearch " + version
                        + " distribution was not found at " + candidates + ". Build the project first ("
                        + "./mvnw package fetches it), or set certhub.local.elasticsearch.distribution."));
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root)) {
                    throw new IOException("Zip entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(entries, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** java.util.zip drops Unix modes; the launcher scripts are all that must be executable. */
    private static void markExecutable(Path bin) throws IOException {
        try (Stream<Path> scripts = Files.list(bin)) {
            for (Path script : scripts.toList()) {
                script.toFile().setExecutable(true, false);
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
