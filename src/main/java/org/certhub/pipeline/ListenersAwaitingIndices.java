package org.certhub.pipeline;

import java.util.List;

/**
 * Kafka listeners (by id, declared with {@code autoStartup = "false"}) that write to the hub's
 * indices, or ask {@link DeletedObjects}, and so must start only once the indices exist and every
 * owner's deletion is known. A module declares a bean of this type; the
 * {@link IndexDependentListenerStarter} starts them all when both are ready.
 */
public record ListenersAwaitingIndices(List<String> listenerIds) {

    public ListenersAwaitingIndices {
        listenerIds = List.copyOf(listenerIds);
    }
}
