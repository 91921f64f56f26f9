package org.certhub.correlation.kafka;

import java.util.List;

import org.certhub.correlation.CorrelationProperties;
import org.certhub.search.IndexBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Starts both correlation stages once the indices exist, and only when correlation is enabled
 * ({@code certhub.correlation.enabled}): switched off, the hub ingests and indexes exactly as
 * without this module.
 */
@Component
class CorrelationStarter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CorrelationStarter.class);

    private final IndexBootstrap indices;
    private final KafkaListenerEndpointRegistry registry;
    private final CorrelationProperties properties;
    private volatile boolean running;

    CorrelationStarter(IndexBootstrap indices, KafkaListenerEndpointRegistry registry, CorrelationProperties properties) {
        this.indices = indices;
        this.registry = registry;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        if (!properties.enabled()) {
            log.info("Correlation is switched off (certhub.correlation.enabled=false)");
            return;
        }
        indices.ready().thenRun(() -> {
            for (String id : List.of(ObservationExtractor.LISTENER_ID, CorrelationEngine.LISTENER_ID)) {
                MessageListenerContainer container = registry.getListenerContainer(id);
                if (running && container != null && !container.isRunning()) {
                    container.start();
                }
            }
        });
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
