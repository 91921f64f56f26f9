package org.certhub.correlation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.certhub.stix.observable.Observable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One sighting of an observable value: a CERT's object, in one of its incidents or reports,
 * carries the value. Published to the observations topic keyed {@code type:value} ({@link #key()}),
 * so every sighting of one value is handled in order by one consumer thread.
 *
 * @param schemaVersion version of this event's layout ({@value #SCHEMA_VERSION})
 * @param valueType the observable type's id ({@code ipv4}, {@code url}, ...)
 * @param value the normalised value
 * @param owner the principal id of the CERT that shared the object
 * @param container the incident or report in the bundle that holds the object, else the bundle id
 * @param objectId the STIX id of the object
 * @param tlp the object's TLP label, e.g. {@code TLP:RED}
 * @param receivedAt when the hub accepted the bundle
 * @param via for a network: the address inside it that was sighted (containment); empty otherwise
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObservationRecorded(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("value_type") String valueType,
        String value,
        String owner,
        String container,
        @JsonProperty("object_id") String objectId,
        String tlp,
        @JsonProperty("received_at") Instant receivedAt,
        String via) {

    public static final int SCHEMA_VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ObservationRecorded {
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(receivedAt, "receivedAt");
        via = via == null ? "" : via;
    }

    /** A direct sighting of {@code observable}. */
    public static ObservationRecorded of(Observable observable, String owner, String container, String objectId,
            String tlp, Instant receivedAt) {
        return new ObservationRecorded(SCHEMA_VERSION, observable.type().id(), observable.value(), owner, container,
                objectId, tlp, receivedAt, "");
    }

    /** The Kafka key: {@code <type>:<value>}. */
    public String key() {
        return valueType + ":" + value;
    }

    /** The address inside this network that was sighted, when this sighting is a containment. */
    public Optional<String> containedAddress() {
        return via.isEmpty() ? Optional.empty() : Optional.of(via);
    }

    public byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    /** Reads the event back; empty when the bytes are not one. */
    public static Optional<ObservationRecorded> fromJson(byte[] json) {
        try {
            return Optional.of(JSON.readValue(json, ObservationRecorded.class));
        } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
