package org.certhub.pipeline;

import java.util.List;

/**
 * Kafka listeners (by id, declared with {@code autoStartup = "false"}) that write to the hub's
 * indices and so must start only once those exist. A module declares a bean of this type; the
 * {@link IndexDependentListenerStarter} starts them all when the indices are ready.
 */
public record ListenersAwaitingIndices(List<String> listenerIds) {

    public ListenersAwaitingIndices {
        listenerIds = List.copyOf(listenerIds);
    }
}
