package org.certhub.tenancy.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.certhub.HubIntegrationTest;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.DemoCredentials;
import org.certhub.tenancy.TenancyProperties;
import org.certhub.tenancy.kafka.IsolatedTenancy;
import org.certhub.tenancy.kafka.TenancyView;
import org.certhub.tenancy.keys.ApiKey;
import org.certhub.tenancy.keys.ApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import tools.jackson.databind.JsonNode;

@HubIntegrationTest
class DemoCommunityIntegrationTests {

    private static final Map<String, String> KINDS = Map.of("kz-cert", "cert", "uz-cert", "cert", "kg-cert", "cert",
            "tj-cert", "cert", "tm-cert", "cert", "cn-cert", "cert", "regional-soc", "partner", "admin", "admin");

    @Autowired
    TenancyProperties properties;

    @Autowired
    TenancyView view;

    @Autowired
    ProducerFactory<?, ?> producers;

    @Autowired
    ConsumerFactory<?, ?> consumers;

    @Autowired
    Admin kafkaAdminClient;

    @TempDir
    Path temporary;

    @Test
    void hubWroteTheDemoKeysUnderItsDataDirForItsOwnerOnly() throws Exception {
        Path file = properties.demo().credentialsFile();

        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        JsonNode entries = DemoCredentials.read(file);
        assertThat(entries).hasSize(KINDS.size());
        for (JsonNode entry : entries) {
            assertThat(entry.propertyNames()).containsExactly("principal", "kind", "roles", "apiKey");
            assertThat(entry.path("kind").asString()).isEqualTo(KINDS.get(entry.path("principal").asString()));
            assertThat(entry.path("roles").isArray()).isTrue();
            assertThat(keyWorks(view, entry.path("principal").asString(), entry.path("apiKey").asString())).isTrue();
        }
    }

    @Test
    void firstStartCreatesTheCommunityLaterStartsKeepItAndAMissingFileReissuesEveryKey() throws Exception {
        TenancyProperties isolated = isolatedProperties(temporary.resolve("demo-credentials.json"));
        IsolatedTenancy.createTopic(kafkaAdminClient, isolated.topic());

        Map<String, String> first = startDemo(isolated);
        String written = Files.readString(isolated.demo().credentialsFile());
        assertThat(first).containsOnlyKeys(KINDS.keySet());

        startDemo(isolated);
        assertThat(Files.readString(isolated.demo().credentialsFile())).isEqualTo(written);

        Files.delete(isolated.demo().credentialsFile());
        Map<String, String> reissued = startDemo(isolated);
        try (IsolatedTenancy restarted = IsolatedTenancy.start(isolated, producers, consumers)) {
            for (String principal : KINDS.keySet()) {
                assertThat(reissued.get(principal)).isNotEqualTo(first.get(principal));
                assertThat(keyWorks(restarted.view(), principal, reissued.get(principal))).isTrue();
                assertThat(keyWorks(restarted.view(), principal, first.get(principal))).isFalse();
            }
        }
    }

    @Test
    void unwritableCredentialsFileLeavesTheKeysAsTheyAre() throws Exception {
        TenancyProperties isolated = isolatedProperties(temporary.resolve("demo-credentials.json"));
        IsolatedTenancy.createTopic(kafkaAdminClient, isolated.topic());
        Map<String, String> keys = startDemo(isolated);
        Path readOnly = Files.createFile(temporary.resolve("not-a-directory"));

        startDemo(isolatedProperties(readOnly.resolve("demo-credentials.json"), isolated.topic()));

        try (IsolatedTenancy restarted = IsolatedTenancy.start(isolated, producers, consumers)) {
            keys.forEach((principal, key) -> assertThat(keyWorks(restarted.view(), principal, key)).isTrue());
        }
    }

    /** Starts a hub instance's demo community on the isolated topic; the keys in its file afterwards. */
    private Map<String, String> startDemo(TenancyProperties isolated) throws Exception {
        try (IsolatedTenancy instance = IsolatedTenancy.start(isolated, producers, consumers)) {
            PrincipalAdministration administration = new PrincipalAdministration(instance.view(), instance.writer());
            new DemoCommunity(isolated, instance.view(), administration,
                    new StoredUserAccounts(instance.view(), administration)).start();
            return Files.exists(isolated.demo().credentialsFile())
                    ? DemoCredentials.keys(isolated.demo().credentialsFile()) : Map.of();
        }
    }

    private static boolean keyWorks(TenancyView view, String principalId, String apiKey) {
        ApiKey key = ApiKey.parse(apiKey).orElseThrow();
        return view.holderOfKey(key.keyId()).filter(holder -> holder.id().equals(principalId))
                .flatMap(holder -> holder.key(key.keyId())).map(stored -> ApiKeys.matches(stored, key))
                .orElse(false);
    }

    private static TenancyProperties isolatedProperties(Path credentialsFile) {
        return isolatedProperties(credentialsFile, "certhub.tenancy.it-" + UUID.randomUUID());
    }

    private static TenancyProperties isolatedProperties(Path credentialsFile, String topic) {
        return new TenancyProperties(topic, 1, Tlp.AMBER, Duration.ofSeconds(30), Duration.ofSeconds(10),
                new TenancyProperties.Demo(true, credentialsFile, credentialsFile.resolveSibling("demo-users.json")));
    }
}
