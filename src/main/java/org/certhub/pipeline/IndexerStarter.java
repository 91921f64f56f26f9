package org.certhub.pipeline;

import org.certhub.search.IndexBootstrap;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Starts the indexer only once the indices exist: consuming earlier would either fail every batch
 * or, worse, let Elasticsearch create indices without the hub's mappings.
 */
@Component
class IndexerStarter implements SmartLifecycle {

    private final IndexBootstrap indices;
    private final KafkaListenerEndpointRegistry registry;
    private volatile boolean running;

    IndexerStarter(IndexBootstrap indices, KafkaListenerEndpointRegistry registry) {
        this.indices = indices;
        this.registry = registry;
    }

    @Override
    public void start() {
        running = true;
        indices.ready().thenRun(() -> {
            MessageListenerContainer indexer = registry.getListenerContainer(Indexer.LISTENER_ID);
            if (running && indexer != null && !indexer.isRunning()) {
                indexer.start();
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
