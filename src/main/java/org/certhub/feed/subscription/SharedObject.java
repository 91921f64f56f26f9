package org.certhub.feed.subscription;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.certhub.intake.BundleAccepted;
import org.certhub.stix.Tlp;
import org.certhub.stix.observable.Observable;
import org.certhub.stix.observable.ObservableExtractor;
import org.certhub.stix.observable.ObservableType;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.SharingPolicy;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One object version of an accepted submission, as the outbound channels (webhooks, the stream)
 * see it: its owner, its effective TLP level, its type and the kinds of observable it carries.
 *
 * @param owner the principal id of the submitting CERT
 * @param tlp the strictest TLP marking of the object (the intake gave every object one)
 * @param type the STIX type
 * @param observableTypes the kinds of observable value extracted from it
 * @param object the STIX object itself
 */
public record SharedObject(String owner, Tlp tlp, String type, Set<ObservableType> observableTypes, JsonNode object) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The objects of one record of the intake topic, in bundle order; empty when the record is not
     * a readable accepted bundle (the indexer dead-letters those).
     */
    public static List<SharedObject> of(ConsumerRecord<String, byte[]> record) {
        Optional<BundleAccepted> accepted = BundleAccepted.fromRecord(record);
        if (accepted.isEmpty()) {
            return List.of();
        }
        try {
            List<SharedObject> objects = new ArrayList<>();
            for (JsonNode object : JSON.readTree(accepted.get().bundle()).path("objects")) {
                objects.add(of(object, accepted.get().owner()));
            }
            return objects;
        } catch (JacksonException e) {
            return List.of();
        }
    }

    static SharedObject of(JsonNode object, String owner) {
        List<String> refs = new ArrayList<>();
        object.path("object_marking_refs").forEach(ref -> refs.add(ref.asString("")));
        String type = object.path("type").asString("");
        Set<ObservableType> observables = EnumSet.noneOf(ObservableType.class);
        for (Observable observable : ObservableExtractor.extract(object)) {
            observables.add(observable.type());
        }
        return new SharedObject(owner, tlpOf(object, type, refs), type, observables, object);
    }

    /**
     * Marking definitions are the only objects the intake leaves unmarked: a TLP definition is
     * public, any other is treated as AMBER, as the indexer does.
     */
    private static Tlp tlpOf(JsonNode object, String type, List<String> refs) {
        return Tlp.strictest(refs).orElseGet(() -> type.equals("marking-definition")
                && Tlp.fromMarkingRef(object.path("id").asString("")).isPresent() ? Tlp.CLEAR : Tlp.AMBER);
    }

    /**
     * Whether {@code viewer} may receive this object through a feed channel: what the sharing
     * policy lets it see, and never another's TLP:AMBER+STRICT or TLP:RED (the policy already says
     * so; the feed states it again so that a later widening of the policy cannot leak through here).
     */
    public boolean mayReach(Principal viewer, SharingPolicy policy) {
        if (viewer.id().equals(owner)) {
            return true;
        }
        return tlp != Tlp.AMBER_STRICT && tlp != Tlp.RED && policy.maySee(viewer, owner, tlp);
    }
}
