package org.certhub;

import java.net.URI;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriBuilderFactory;

/**
 * The tests' {@link RestTestClient} on the JDK's HTTP client. With Apache HttpClient on the class
 * path (the hub's outbound webhooks use it) the default client would retry a 429 or 503 by itself,
 * sleeping for its {@code Retry-After} (a day, for a spent blind-match budget): tests must see the
 * hub's first answer.
 */
@TestConfiguration(proxyBeanMethods = false)
public class JdkRestTestClient {

    @Bean
    RestTestClient restTestClient(Environment environment, ObjectProvider<RestTestClientBuilderCustomizer> customizers) {
        RestTestClient.Builder<?> builder = RestTestClient.bindToServer(new JdkClientHttpRequestFactory());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.uriBuilderFactory(new LocalServer(environment)).build();
    }

    /** {@code http://localhost:<port>} of the test's server, read when a request is made (the port is known only then). */
    private record LocalServer(Environment environment) implements UriBuilderFactory {

        private UriBuilderFactory delegate() {
            return new DefaultUriBuilderFactory("http://localhost:" + environment.getRequiredProperty("local.server.port"));
        }

        @Override
        public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
            return delegate().expand(uriTemplate, uriVariables);
        }

        @Override
        public URI expand(String uriTemplate, Object... uriVariables) {
            return delegate().expand(uriTemplate, uriVariables);
        }

        @Override
        public UriBuilder uriString(String uriTemplate) {
            return delegate().uriString(uriTemplate);
        }

        @Override
        public UriBuilder builder() {
            return delegate().builder();
        }
    }
}
