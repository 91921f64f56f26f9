package org.certhub.feed;

import java.util.List;
import java.util.UUID;

import org.certhub.stix.Tlp;

/** Small STIX 2.1 objects and TAXII envelopes for the feed's tests. */
final class StixObjects {

    private StixObjects() {
    }

    static String malware(String id, String name, Tlp tlp, String created, String modified) {
        return "{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"" + created
                + "\",\"modified\":\"" + modified + "\",\"name\":\"" + name + "\",\"is_family\":false,"
                + "\"object_marking_refs\":[\"" + tlp.markingDefinitionId() + "\"]}";
    }

    static String malware(String id, String name, Tlp tlp) {
        return malware(id, name, tlp, "2026-11-01T10:00:00.000Z", "2026-11-01T10:00:00.000Z");
    }

    static String envelope(List<String> objects) {
        return "{\"objects\":[" + String.join(",", objects) + "]}";
    }

    static String newId(String type) {
        return type + "--" + UUID.randomUUID();
    }
}
