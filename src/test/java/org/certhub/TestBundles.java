package org.certhub;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.certhub.stix.Tlp;

/** STIX bundles the integration tests submit: indicators of an address, and reports that gather objects. */
public final class TestBundles {

    private TestBundles() {
    }

    /** A bundle of the given objects. */
    public static String bundle(String... objects) {
        return "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[" + String.join(",", objects) + "]}";
    }

    /** A bundle of one report (at the given level) that refers to every object given. */
    public static String reportBundle(Tlp tlp, String... objects) {
        List<String> refs = new ArrayList<>();
        for (String object : objects) {
            refs.add("\"" + idOf(object) + "\"");
        }
        String report = "{\"type\":\"report\",\"spec_version\":\"2.1\",\"id\":\"report--" + UUID.randomUUID()
                + "\",\"created\":\"2026-11-01T10:00:00.000Z\",\"modified\":\"2026-11-01T10:00:00.000Z\",\"name\":\"Report\","
                + "\"published\":\"2026-11-01T10:00:00Z\",\"object_refs\":[" + String.join(",", refs) + "],"
                + "\"object_marking_refs\":[\"" + tlp.markingDefinitionId() + "\"]}";
        List<String> all = new ArrayList<>(List.of(objects));
        all.add(report);
        return bundle(all.toArray(String[]::new));
    }

    /** An indicator named {@code name} whose pattern is {@code pattern}. */
    public static String indicator(Tlp tlp, String name, String pattern) {
        return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--" + UUID.randomUUID()
                + "\",\"created\":\"2026-11-01T10:00:00.000Z\",\"modified\":\"2026-11-01T10:00:00.000Z\",\"name\":\"" + name
                + "\",\"pattern_type\":\"stix\",\"pattern\":\"" + pattern + "\",\"valid_from\":\"2026-11-01T10:00:00Z\","
                + "\"object_marking_refs\":[\"" + tlp.markingDefinitionId() + "\"]}";
    }

    /** An indicator of one IPv4 address. */
    public static String addressIndicator(Tlp tlp, String name, String ip) {
        return indicator(tlp, name, "[ipv4-addr:value = '" + ip + "']");
    }

    /** The STIX id of an object written as JSON text (its first {@code "id"}). */
    public static String idOf(String object) {
        int start = object.indexOf("\"id\":\"") + 6;
        return object.substring(start, object.indexOf('"', start));
    }
}
