package org.certhub.search;

import java.net.URI;
import java.util.List;

import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
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

    private ElasticsearchConnectionDetails.Node node(URI uri) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : 9200;
        return new ElasticsearchConnectionDetails.Node(uri.getHost(), port,
                https ? ElasticsearchConnectionDetails.Node.Protocol.HTTPS : ElasticsearchConnectionDetails.Node.Protocol.HTTP);
    }
}
