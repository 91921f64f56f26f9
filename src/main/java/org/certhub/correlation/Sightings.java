package org.certhub.correlation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certhub.correlation.internal.Containers;
import org.certhub.correlation.internal.TechniqueTargets;
import org.certhub.intake.BundleAccepted;
import org.certhub.stix.Tlp;
import org.certhub.stix.observable.Observable;
import org.certhub.stix.observable.ObservableExtractor;
import org.certhub.stix.observable.ObservableType;

import tools.jackson.databind.JsonNode;

/** What an accepted bundle's objects were seen carrying: the first correlation stage's output, as a pure function. */
public final class Sightings {

    private Sightings() {
    }

    /** Every distinct (value, container, object) of the bundle. */
    public static List<ObservationRecorded> of(BundleAccepted accepted, JsonNode bundle) {
        JsonNode objects = bundle.path("objects");
        Map<String, String> containers = Containers.assign(objects, accepted.bundleId());
        Map<String, Tlp> levels = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            levels.put(object.path("id").asString(""), tlpOf(object));
        }
        Map<String, ObservationRecorded> distinct = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            String objectId = object.path("id").asString("");
            if (objectId.isEmpty()) {
                continue;
            }
            String container = containers.getOrDefault(objectId, accepted.bundleId());
            // A member shows its container's id: the sighting is as restricted as the stricter of the
            // object and its incident or report (a GREEN indicator inside a RED incident must not
            // name the incident to whoever may see the indicator).
            String tlp = stricter(levels.get(objectId), levels.getOrDefault(container, Tlp.CLEAR)).label();
            for (Observable observable : ObservableExtractor.extract(object)) {
                if (observable.type() == ObservableType.OTHER) {
                    continue;
                }
                ObservationRecorded observation = ObservationRecorded.of(observable, accepted.owner(), container, objectId,
                        tlp, accepted.receivedAt());
                distinct.putIfAbsent(observation.key() + '\n' + container + '\n' + objectId, observation);
            }
        }
        for (ObservationRecorded observation : TechniqueTargets.sightings(objects, containers, accepted.owner(),
                accepted.receivedAt())) {
            distinct.putIfAbsent(observation.key() + '\n' + observation.container() + '\n' + observation.objectId(), observation);
        }
        return new ArrayList<>(distinct.values());
    }

    private static Tlp stricter(Tlp one, Tlp other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

    /** The intake marked every object; one that is not marked anyway is taken as AMBER, the hub's default. */
    private static Tlp tlpOf(JsonNode object) {
        List<String> refs = new ArrayList<>();
        object.path("object_marking_refs").forEach(ref -> refs.add(ref.asString("")));
        return Tlp.strictest(refs).orElse(Tlp.AMBER);
    }
}
