package org.certhub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkLocatorTests {

    @TempDir
    Path root;

    @Test
    void picksTheNewestJdkOfAtLeast21AmongInstalledOnes() throws IOException {
        fakeJdk(root.resolve("jdk-17"), "17.0.15");
        fakeJdk(root.resolve("jdk-21"), "21.0.4");
        fakeJdk(root.resolve("temurin-25"), "25.0.3");

        Path found = new JdkLocator(Map.of(), List.of(root)).locate(Optional.empty());

        assertThat(found).isEqualTo(root.resolve("temurin-25"));
    }

    @Test
    void esJavaHomeIsConsideredToo() throws IOException {
        Path custom = fakeJdk(root.resolve("elsewhere/jdk"), "22");

        Path found = new JdkLocator(Map.of("ES_JAVA_HOME", custom.toString()), List.of()).locate(Optional.empty());

        assertThat(found).isEqualTo(custom);
    }

    @Test
    void failsNamingEveryPlaceSearchedWhenNoJdkIsNewEnough() throws IOException {
        fakeJdk(root.resolve("jdk-17"), "17.0.15");
        JdkLocator locator = new JdkLocator(Map.of(), List.of(root, root.resolve("missing")));

        // The running JVM (17 in CI) is a candidate as well; only run the check where it is too old.
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < JdkLocator.MINIMUM_FEATURE_VERSION);
        assertThatThrownBy(() -> locator.locate(Optional.empty()))
                .isInstanceOf(LocalInfrastructureException.class)
                .hasMessageContaining("JDK >= 21")
                .hasMessageContaining(root.toString())
                .hasMessageContaining(root.resolve("missing").toString())
                .hasMessageContaining("ES_JAVA_HOME");
    }

    @Test
    void rejectsAConfiguredJavaHomeThatIsTooOld() throws IOException {
        Path old = fakeJdk(root.resolve("jdk-17"), "17.0.15");

        assertThatThrownBy(() -> new JdkLocator(Map.of(), List.of()).locate(Optional.of(old)))
                .hasMessageContaining("is not a JDK >= 21");
    }

    @Test
    void readsTheFeatureVersionOfOldAndNewVersionSchemes() throws IOException {
        assertThat(JdkLocator.featureVersion(fakeJdk(root.resolve("a"), "1.8.0_392"))).contains(8);
        assertThat(JdkLocator.featureVersion(fakeJdk(root.resolve("b"), "21"))).contains(21);
        assertThat(JdkLocator.featureVersion(root.resolve("not-a-jdk"))).isEmpty();
    }

    private static Path fakeJdk(Path home, String version) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.createFile(home.resolve("bin/java"));
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
