package org.certhub.search;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code elasticsearch} health component, in place of Spring Boot's: it gives up after a hard
 * deadline, so a stalled server (alive but not answering) makes health DOWN within the probe's
 * timeout instead of holding the probe, and a pile of probes, on a request thread.
 */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ElasticsearchAsyncClient client;

    ElasticsearchHealthIndicator(ElasticsearchClient client) {
        super("Elasticsearch health check failed");
        this.client = new ElasticsearchAsyncClient(client._transport());
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        CompletableFuture<HealthResponse> health = client.cluster().health(h -> h.timeout(t -> t.time(TIMEOUT.toMillis() + "ms")));
        HealthResponse response;
        try {
            response = health.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            health.cancel(true);
            builder.down().withDetail("error", "no answer within " + TIMEOUT.toSeconds() + " s");
            return;
        }
        builder.status(response.status() == HealthStatus.Red ? org.springframework.boot.health.contributor.Status.OUT_OF_SERVICE
                : org.springframework.boot.health.contributor.Status.UP)
                .withDetail("cluster_name", response.clusterName())
                .withDetail("status", response.status().jsonValue())
                .withDetail("number_of_nodes", response.numberOfNodes());
    }
}
