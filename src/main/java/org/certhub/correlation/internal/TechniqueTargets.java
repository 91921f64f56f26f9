package org.certhub.correlation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.certhub.correlation.ObservationRecorded;
import org.certhub.stix.Tlp;
import org.certhub.stix.observable.Observable;
import org.certhub.stix.observable.ObservableExtractor;
import org.certhub.stix.observable.ObservableType;

import tools.jackson.databind.JsonNode;

/**
 * The weaker signal "same ATT&CK technique against the same target sector or country in the same
 * week": each incident or report that uses a technique and {@code targets} an identity with
 * sectors or a location with a country yields one sighting of the value
 * {@code <technique> <sector:x|country:XX> <ISO week>}, which then clusters like any other value
 * (rule {@code technique-and-target}). The window is the calendar week the hub received the
 * bundle: fixed buckets keep one writer per value, at the price of splitting two incidents a day
 * apart across a week boundary.
 */
public final class TechniqueTargets {

    public static final String TYPE = "technique-target";

    private TechniqueTargets() {
    }

    /** A target, as the value writes it, and the strictest level of the objects that name it. */
    private record Target(String name, Tlp tlp) {
    }

    public static List<ObservationRecorded> sightings(JsonNode objects, Map<String, String> containers, String owner,
            Instant receivedAt) {
        Map<String, JsonNode> byId = new HashMap<>();
        objects.forEach(object -> byId.put(object.path("id").asString(""), object));
        Map<String, Map<String, Target>> targets = new LinkedHashMap<>();
        for (JsonNode relationship : objects) {
            if (!relationship.path("type").asString("").equals("relationship")
                    || !relationship.path("relationship_type").asString("").equals("targets")) {
                continue;
            }
            String container = containers.get(relationship.path("source_ref").asString(""));
            JsonNode target = byId.get(relationship.path("target_ref").asString(""));
            if (container == null || target == null) {
                continue;
            }
            // The pairing is derived from the relationship, its source and the container as much as
            // from the target: the value carries the strictest of their levels.
            Tlp tlp = stricter(stricter(tlpOf(relationship), tlpOf(target)), stricter(
                    tlpOf(byId.get(relationship.path("source_ref").asString(""))), tlpOf(byId.get(container))));
            Map<String, Target> named = targets.computeIfAbsent(container, c -> new LinkedHashMap<>());
            switch (target.path("type").asString("")) {
                case "identity" -> target.path("sectors").forEach(sector ->
                        add(named, "sector:" + sector.asString("").trim().toLowerCase(Locale.ROOT), tlp));
                case "location" -> {
                    String country = target.path("country").asString("").trim().toUpperCase(Locale.ROOT);
                    if (!country.isEmpty()) {
                        add(named, "country:" + country, tlp);
                    }
                }
                default -> { }
            }
        }
        if (targets.isEmpty()) {
            return List.of();
        }
        Map<String, Tlp> linksOfPatterns = patternLinks(objects, byId);
        List<ObservationRecorded> out = new ArrayList<>();
        String week = week(receivedAt);
        for (JsonNode pattern : objects) {
            String id = pattern.path("id").asString("");
            Map<String, Target> named = targets.get(containers.get(id));
            if (!pattern.path("type").asString("").equals("attack-pattern") || named == null) {
                continue;
            }
            for (Observable technique : ObservableExtractor.extract(pattern)) {
                if (technique.type() != ObservableType.ATTACK_TECHNIQUE) {
                    continue;
                }
                for (Target target : named.values()) {
                    out.add(new ObservationRecorded(ObservationRecorded.SCHEMA_VERSION, TYPE,
                            technique.value() + " " + target.name() + " " + week, owner, containers.get(id), id,
                            stricter(stricter(tlpOf(pattern), target.tlp()), linksOfPatterns.getOrDefault(id, Tlp.CLEAR))
                                    .label(), receivedAt, ""));
                }
            }
        }
        return out;
    }

    /**
     * By attack pattern: the strictest level of the relationships that tie it to anything (e.g.
     * "incident uses technique"). That the container used the technique is what such a relationship
     * says, so the value must not be shown at a level it is not; one a pattern has with another
     * container of the bundle counts too, the cautious side.
     */
    private static Map<String, Tlp> patternLinks(JsonNode objects, Map<String, JsonNode> byId) {
        Map<String, Tlp> links = new HashMap<>();
        for (JsonNode relationship : objects) {
            if (!relationship.path("type").asString("").equals("relationship")) {
                continue;
            }
            for (String end : List.of(relationship.path("source_ref").asString(""), relationship.path("target_ref").asString(""))) {
                JsonNode pattern = byId.get(end);
                if (pattern != null && pattern.path("type").asString("").equals("attack-pattern")) {
                    links.merge(end, tlpOf(relationship), TechniqueTargets::stricter);
                }
            }
        }
        return links;
    }

    static String week(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return day.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
    }

    private static void add(Map<String, Target> named, String name, Tlp tlp) {
        if (name.endsWith(":")) {
            return;
        }
        named.merge(name, new Target(name, tlp), (a, b) -> new Target(name, stricter(a.tlp(), b.tlp())));
    }

    private static Tlp stricter(Tlp a, Tlp b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The object's level; an object not in the bundle adds nothing (CLEAR), one without markings is AMBER. */
    private static Tlp tlpOf(JsonNode object) {
        if (object == null) {
            return Tlp.CLEAR;
        }
        List<String> refs = new ArrayList<>();
        object.path("object_marking_refs").forEach(ref -> refs.add(ref.asString("")));
        return Tlp.strictest(refs).orElse(Tlp.AMBER);
    }
}
