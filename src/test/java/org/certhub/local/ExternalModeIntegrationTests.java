package org.certhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.certhub.CerthubApplication;
import org.certhub.EngineClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * External mode: with {@code certhub.kafka.bootstrap-servers} and {@code certhub.elasticsearch.uris}
 * set, the hub uses those clusters and starts nothing itself. The clusters here are the test JVM's
 * shared engines, started beforehand by another context, so they are separate from the hub under test.
 */
class ExternalModeIntegrationTests {

    private static List<String> clusters;

    @BeforeAll
    static void startClustersSeparately() {
        try (ConfigurableApplicationContext owner = hub("--spring.profiles.active=test")) {
            clusters = EngineClients.externalArguments(owner.getEnvironment());
        }
    }

    /** A production hub is given the key of its run ids: it has no data directory to keep one in. */
    private static final String RUN_ID_SECRET = "--certhub.playbook.id-secret=external-mode-test-run-id-key-0123456789";

    @Test
    void hubOnExternalClustersStartsNothingEmbeddedAndIsReady() throws Exception {
        List<String> arguments = new ArrayList<>(clusters);
        // Would fail loudly if anything embedded were started from here; production gives its secrets.
        arguments.add("--certhub.local.data-dir=/proc/certhub-must-not-be-used");
        arguments.add(RUN_ID_SECRET);
        try (ConfigurableApplicationContext hub = hub(arguments.toArray(String[]::new))) {
            assertThat(hub.getEnvironment().getPropertySources().contains("certhub-local-engines")).isFalse();
            assertThat(get(hub, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            KafkaTemplate<Object, Object> template = hub.getBean(KafkaTemplate.class);
            assertThat(template.partitionsFor("__consumer_offsets")).isNotEmpty();
        }
    }

    @Test
    void unreachableElasticsearchMakesTheHubUnready() throws Exception {
        List<String> arguments = new ArrayList<>(clusters.stream()
                .filter(argument -> argument.startsWith("--certhub.kafka.")).toList());
        arguments.addAll(List.of("--certhub.elasticsearch.uris=http://127.0.0.1:9",
                "--certhub.local.data-dir=/proc/certhub-must-not-be-used", RUN_ID_SECRET));
        try (ConfigurableApplicationContext hub = hub(arguments.toArray(String[]::new))) {
            HttpResponse<String> readiness = get(hub, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(get(hub, "/actuator/health").body())
                    .contains("\"elasticsearch\":{\"status\":\"DOWN\"");
        }
    }

    private static ConfigurableApplicationContext hub(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(args, 0, all, 1, args.length);
        return new SpringApplicationBuilder(CerthubApplication.class).run(all);
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext hub, String path) throws Exception {
        int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(java.time.Duration.ofSeconds(20)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
