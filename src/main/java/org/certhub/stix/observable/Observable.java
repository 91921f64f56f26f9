package org.certhub.stix.observable;

import java.util.Objects;

/**
 * One normalised observable value.
 *
 * @param type what kind of value it is
 * @param value its canonical form
 */
public record Observable(ObservableType type, String value) {

    public Observable {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** {@code <type id>:<value>}: the value's identity across the hub (e.g. a Kafka key). */
    public String key() {
        return type.id() + ":" + value;
    }
}
