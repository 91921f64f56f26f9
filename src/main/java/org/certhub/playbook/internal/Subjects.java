package org.certhub.playbook.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.certhub.correlation.CorrelationFound;
import org.certhub.stix.Tlp;
import org.certhub.stix.observable.Observable;
import org.certhub.stix.observable.ObservableExtractor;
import org.certhub.stix.observable.ObservableType;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.SharingPolicy;

import tools.jackson.databind.JsonNode;

/** Builds the {@link Subject} of an incident (with its bundle) or of a correlation. */
public final class Subjects {

    static final String INCIDENT_CORE = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";
    /** The level an event without holders (schema v1) is labelled with; who may see it is {@link SubjectMarking}'s rule. */
    static final Tlp LEGACY_CORRELATION_TLP = Tlp.AMBER;

    private final Community community;
    private final SharingPolicy policy;

    public Subjects(Community community, SharingPolicy policy) {
        this.community = community;
        this.policy = policy;
    }

    public Subject correlation(CorrelationFound found) {
        Set<String> countries = new LinkedHashSet<>();
        for (String cert : found.certs()) {
            community.find(cert).flatMap(Principal::country).ifPresent(countries::add);
        }
        List<String> techniques = found.valueType().equals(ObservableType.ATTACK_TECHNIQUE.id()) ? List.of(found.value()) : List.of();
        List<Subject.Holder> holders = found.holders().stream()
                .map(holder -> new Subject.Holder(holder.cert(), level(holder.tlp()), holder.carriesValue())).toList();
        // A derived datum carries the strictest marking of its inputs.
        Tlp tlp = holders.stream().map(Subject.Holder::tlp).max(Comparator.naturalOrder()).orElse(LEGACY_CORRELATION_TLP);
        return new Subject(SubjectKind.CORRELATION, found.id(), null,
                "Shared " + found.valueType() + " reported by " + found.certs().size() + " CERTs", "", tlp,
                List.of(), null, List.of(), List.copyOf(countries), found.certs(), found.score(), List.of(found.valueType()),
                techniques, found.value(), holders);
    }

    /** A holder's level from its label; a label this hub does not know counts as TLP:RED. */
    static Tlp level(String label) {
        for (Tlp tlp : Tlp.values()) {
            if (tlp.label().equals(label)) {
                return tlp;
            }
        }
        return Tlp.RED;
    }

    /** The incidents of a bundle submitted by {@code owner}, each with what the bundle says around it. */
    public List<Subject> incidents(JsonNode bundle, Principal owner) {
        List<JsonNode> objects = new ArrayList<>();
        bundle.path("objects").forEach(objects::add);
        List<Subject> subjects = new ArrayList<>();
        for (JsonNode object : objects) {
            if (object.path("type").asString("").equals("incident")) {
                subjects.add(incident(object, objects, owner));
            }
        }
        return subjects;
    }

    public Subject incident(JsonNode incident, List<JsonNode> bundleObjects, Principal owner) {
        List<String> markings = new ArrayList<>();
        incident.path("object_marking_refs").forEach(ref -> markings.add(ref.asString("")));
        Tlp tlp = policy.effectiveTlp(markings, owner);
        JsonNode core = incident.path("extensions").path(INCIDENT_CORE);
        List<String> types = new ArrayList<>();
        core.path("incident_types").forEach(type -> types.add(type.asString("")));
        Severity severity = core.path("criticality").isNumber() ? Severity.ofCriticality(core.path("criticality").asInt()) : null;
        double score = core.path("criticality").asDouble(0);
        for (JsonNode value : core.path("scores")) {
            score = Math.max(score, value.path("value").asDouble(0));
        }
        Set<String> sectors = new LinkedHashSet<>();
        Set<String> countries = new LinkedHashSet<>();
        owner.country().ifPresent(countries::add);
        Set<String> observableTypes = new LinkedHashSet<>();
        Set<String> techniques = new LinkedHashSet<>();
        String author = incident.path("created_by_ref").asString(owner.identityId());
        for (JsonNode object : bundleObjects) {
            String type = object.path("type").asString("");
            if (type.equals("identity") && !object.path("id").asString("").equals(author)
                    && !object.path("id").asString("").equals(owner.identityId())) {
                object.path("sectors").forEach(sector -> sectors.add(sector.asString("")));
            } else if (type.equals("location") && object.has("country")) {
                countries.add(object.path("country").asString("").toUpperCase(Locale.ROOT));
            }
            for (Observable observable : ObservableExtractor.extract(object)) {
                if (observable.type() == ObservableType.ATTACK_TECHNIQUE) {
                    techniques.add(observable.value().toUpperCase(Locale.ROOT));
                } else {
                    observableTypes.add(observable.type().id());
                }
            }
        }
        return new Subject(SubjectKind.INCIDENT, incident.path("id").asString(), owner.id(),
                incident.path("name").asString(""), incident.path("description").asString(""), tlp, types, severity,
                List.copyOf(sectors), List.copyOf(countries), List.of(owner.id()), score, List.copyOf(observableTypes),
                List.copyOf(techniques), null, List.of());
    }

    /** The principal an incident's submitter is, if the community knows it. */
    public Optional<Principal> principal(String id) {
        return community.find(id);
    }
}
