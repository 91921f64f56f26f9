package org.certhub.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds a JDK new enough for the embedded Elasticsearch server (which needs Java 21 or later,
 * while the hub itself runs on 17). Explicit settings win; otherwise the newest suitable JDK in the
 * usual install locations is taken.
 */
final class JdkLocator {

    static final int MINIMUM_FEATURE_VERSION = 21;

    private final Map<String, String> environment;
    private final List<Path> installRoots;

    JdkLocator(Map<String, String> environment, List<Path> installRoots) {
        this.environment = environment;
        this.installRoots = installRoots;
    }

    static JdkLocator forThisMachine() {
        Path home = Path.of(System.getProperty("user.home"));
        return new JdkLocator(System.getenv(), List.of(
                Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"), Path.of("/opt"),
                Path.of("/usr/local"), home.resolve(".sdkman/candidates/java"), home.resolve(".jdks"),
                Path.of("/Library/Java/JavaVirtualMachines")));
    }

    /** The JDK to use, or an exception naming every place that was searched. */
    Path locate(Optional<Path> configured) {
        if (configured.isPresent()) {
            Path home = configured.get();
            if (featureVersion(home).orElse(0) < MINIMUM_FEATURE_VERSION) {
                throw new LocalInfrastructureException("certhub.local.elasticsearch.java-home=" + home
                        + " is not a JDK >= " + MINIMUM_FEATURE_VERSION);
            }
            return home;
        }
        Set<Path> searched = new LinkedHashSet<>();
        for (String variable : List.of("ES_JAVA_HOME", "JAVA_HOME")) {
            Optional.ofNullable(environment.get(variable)).filter(s -> !s.isBlank()).map(Path::of)
                    .ifPresent(searched::add);
        }
        searched.add(Path.of(System.getProperty("java.home")));
        List<Path> candidates = new ArrayList<>(searched);
        for (Path root : installRoots) {
            searched.add(root);
            candidates.addAll(children(root));
        }
        return candidates.stream()
                .filter(home -> featureVersion(home).orElse(0) >= MINIMUM_FEATURE_VERSION)
                .max(Comparator.comparingInt((Path home) -> featureVersion(home).orElse(0)))
                .orElseThrow(() -> new LocalInfrastructureException("The embedded Elasticsearch needs a JDK >= "
                        + MINIMUM_FEATURE_VERSION + " and none was found. Searched: " + searched
                        + " (and their sub-directories). Install one (e.g. Temurin 21 or 25), set ES_JAVA_HOME"
                        + " or certhub.local.elasticsearch.java-home, or point CERTHUB_ELASTICSEARCH_URIS at an"
                        + " existing cluster."));
    }

    /** The feature version a JDK's {@code release} file declares, if it is a JDK with a java binary. */
    static Optional<Integer> featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(release)) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .map(JdkLocator::parseFeature)
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> parseFeature(String version) {
        String first = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < first.length() && Character.isDigit(first.charAt(end))) {
            end++;
        }
        return end == 0 ? Optional.empty() : Optional.of(Integer.parseInt(first.substring(0, end)));
    }

    private static List<Path> children(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            // macOS bundles keep the JDK under Contents/Home.
            return entries.flatMap(p -> Stream.of(p, p.resolve("Contents/Home"))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
