package org.certhub.search;

import java.net.URI;
import java.util.List;

import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** Hands the {@code certhub.elasticsearch.*} settings to Spring Boot's Elasticsearch client set-up. */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConnectionConfiguration {

    @Bean
    ElasticsearchConnectionDetails elasticsearchConnectionDetails(ElasticsearchProperties properties,
            SslBundles sslBundles) {
        if (properties.uris() == null || properties.uris().isEmpty()) {
            throw new IllegalStateException("certhub.elasticsearch.uris is not set and no embedded server started");
        }
        List<ElasticsearchConnectionDetails.Node> nodes = properties.uris().stream().map(this::node).toList();
        SslBundle bundle = StringUtils.hasText(properties.sslBundle()) ? sslBundles.getBundle(properties.sslBundle()) : null;
        return new ElasticsearchConnectionDetails() {
            @Override
            public List<Node> getNodes() {
                return nodes;
            }

            @Override
            public String getUsername() {
                return StringUtils.hasText(properties.username()) ? properties.username() : null;
            }

            @Override
            public String getPassword() {
                return StringUtils.hasText(properties.password()) ? properties.password() : null;
            }

            @Override
            public String getApiKey() {
                return StringUtils.hasText(properties.apiKey()) ? properties.apiKey() : null;
            }

            @Override
            public SslBundle getSslBundle() {
                return bundle;
            }
        };
    }

    /**
     * Requests never queue without end for a connection: while Elasticsearch stalls, every stage's
     * bulk holds a connection until its socket time-out, and a reader waiting behind them would wait
     * as long again. Enough connections that readers rarely wait, and a bounded wait when they do
     * (the read then answers 503 with Retry-After).
     */
    @Bean
    Rest5ClientBuilderCustomizer boundedConnectionLeases(
            org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchProperties elasticsearch) {
        Timeout response = Timeout.ofMilliseconds(elasticsearch.getSocketTimeout().toMillis());
        return new Rest5ClientBuilderCustomizer() {
            @Override
            public void customize(Rest5ClientBuilder builder) {
            }

            @Override
            public void customize(RequestConfig.Builder request) {
                // The response deadline is the socket time-out too: the low-level client sets one of
                // its own (30 s) that would otherwise outlast it.
                request.setConnectionRequestTimeout(Timeout.ofSeconds(5)).setResponseTimeout(response);
            }

            @Override
            public void customize(PoolingAsyncClientConnectionManagerBuilder pool) {
                pool.setMaxConnPerRoute(64).setMaxConnTotal(128);
            }
        };
    }

    private ElasticsearchConnectionDetails.Node node(URI uri) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : 9200;
        return new ElasticsearchConnectionDetails.Node(uri.getHost(), port,
                https ? ElasticsearchConnectionDetails.Node.Protocol.HTTPS : ElasticsearchConnectionDetails.Node.Protocol.HTTP);
    }
}
