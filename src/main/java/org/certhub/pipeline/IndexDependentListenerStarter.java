package org.certhub.pipeline;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.certhub.search.IndexBootstrap;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Starts every listener that writes to the indices only once the indices exist (consuming earlier
 * would either fail every batch or, worse, let Elasticsearch create indices without the hub's
 * mappings) and every owner's deletion is known (else the indexer would bring deleted objects back).
 */
@Component
class IndexDependentListenerStarter implements SmartLifecycle {

    private final IndexBootstrap indices;
    private final DeletionsFollower deletions;
    private final KafkaListenerEndpointRegistry registry;
    private final List<ListenersAwaitingIndices> listeners;
    private volatile boolean running;

    IndexDependentListenerStarter(IndexBootstrap indices, DeletionsFollower deletions,
            KafkaListenerEndpointRegistry registry, List<ListenersAwaitingIndices> listeners) {
        this.indices = indices;
        this.deletions = deletions;
        this.registry = registry;
        this.listeners = listeners;
    }

    @Override
    public void start() {
        running = true;
        CompletableFuture.allOf(indices.ready(), deletions.loaded()).thenRun(() -> listeners.stream()
                .flatMap(group -> group.listenerIds().stream()).forEach(id -> {
                    MessageListenerContainer container = registry.getListenerContainer(id);
                    if (running && container != null && !container.isRunning()) {
                        container.start();
                    }
                }));
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
