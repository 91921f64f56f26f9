package org.certhub.local;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides, before any client bean exists, where Kafka and Elasticsearch are: the clusters named by
 * {@code certhub.kafka.bootstrap-servers} / {@code certhub.elasticsearch.uris}, or embedded engines
 * started here. The embedded engines' addresses and the hub's generated accounts on them are
 * published as those same properties (with {@code certhub.kafka.security-protocol}, {@code .username},
 * {@code certhub.elasticsearch.username} and so on), so the rest of the hub never knows which mode it runs in.
 */
public class LocalEnginesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String KAFKA_PROPERTY = "certhub.kafka.bootstrap-servers";
    static final String ELASTICSEARCH_PROPERTY = "certhub.elasticsearch.uris";
    private static final Logger log = LoggerFactory.getLogger(LocalEnginesInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        boolean externalKafka = StringUtils.hasText(environment.getProperty(KAFKA_PROPERTY));
        boolean externalElasticsearch = StringUtils.hasText(environment.getProperty(ELASTICSEARCH_PROPERTY));
        if (externalKafka) {
            log.info("Using the external Kafka cluster at {}", environment.getProperty(KAFKA_PROPERTY));
        }
        if (externalElasticsearch) {
            log.info("Using the external Elasticsearch cluster at {}", environment.getProperty(ELASTICSEARCH_PROPERTY));
        }
        if (externalKafka && externalElasticsearch) {
            return;
        }
        LocalProperties properties = Binder.get(environment).bindOrCreate("certhub.local", LocalProperties.class);
        LocalEngines.Endpoints endpoints = LocalEngines.start(properties, !externalKafka, !externalElasticsearch);
        Map<String, Object> resolved = new HashMap<>();
        // The directory actually in use, so that others who keep files beside the engines' agree on it.
        resolved.put("certhub.local.data-dir", endpoints.dataDir().toString());
        resolved.putAll(endpoints.connectionProperties());
        environment.getPropertySources().addFirst(new MapPropertySource("certhub-local-engines", resolved));
        if (context instanceof GenericApplicationContext registry) {
            // Registered before every other bean, so destroyed after all of them (clients close first).
            registry.registerBean("localEnginesStopper", DisposableBean.class, () -> LocalEngines::stopWithContext);
        }
    }
}
