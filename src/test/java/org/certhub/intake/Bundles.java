package org.certhub.intake;

import java.util.UUID;

import org.certhub.stix.Tlp;

/** Small valid STIX 2.1 bundles for tests. */
final class Bundles {

    private Bundles() {
    }

    static String of(String... objects) {
        return "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[" + String.join(",", objects) + "]}";
    }

    static String indicator(String id, Tlp tlp, String ip) {
        return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"2026-11-01T10:00:00.000Z\","
                + "\"modified\":\"2026-11-01T10:00:00.000Z\",\"name\":\"C2 server\",\"pattern_type\":\"stix\","
                + "\"pattern\":\"[ipv4-addr:value = '" + ip + "']\",\"valid_from\":\"2026-11-01T10:00:00Z\","
                + "\"object_marking_refs\":[\"" + tlp.markingDefinitionId() + "\"]}";
    }
}
