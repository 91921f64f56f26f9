package org.certhub.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub reaches Elasticsearch ({@code certhub.elasticsearch.*}). When {@code uris} is not
 * set, the embedded server of the {@code local} module fills it in.
 *
 * @param uris the cluster's HTTP(S) endpoints, e.g. {@code https://es1:9200,https://es2:9200}
 * @param username basic-auth user (with {@code password}), or none
 * @param password basic-auth password; never has a default
 * @param apiKey an Elasticsearch API key (encoded form), used instead of basic auth
 * @param sslBundle name of a {@code spring.ssl.bundle.*} definition holding the CA to trust
 * @param connectTimeout TCP connect timeout
 * @param socketTimeout read timeout of one request
 */
@ConfigurationProperties("certhub.elasticsearch")
public record ElasticsearchProperties(
        List<URI> uris,
        String username,
        String password,
        String apiKey,
        String sslBundle,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("60s") Duration socketTimeout) {
}
