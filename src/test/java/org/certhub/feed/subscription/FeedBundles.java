package org.certhub.feed.subscription;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certhub.stix.Tlp;

/**
 * A CERT's bundle for feed tests: one malware object per TLP level, then a TLP:CLEAR sentinel as
 * the last object. Channels send a submission's objects in bundle order, so once a receiver has
 * the sentinel it has had every chance to receive (or leak) the others.
 */
public final class FeedBundles {

    private final Map<Tlp, String> byTlp = new EnumMap<>(Tlp.class);
    private final String sentinel = "malware--" + UUID.randomUUID();
    private final String json;

    public FeedBundles(Tlp... levels) {
        List<String> objects = new ArrayList<>();
        for (Tlp tlp : levels) {
            String id = "malware--" + UUID.randomUUID();
            byTlp.put(tlp, id);
            objects.add(malware(id, tlp));
        }
        objects.add(malware(sentinel, Tlp.CLEAR));
        json = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":["
                + String.join(",", objects) + "]}";
    }

    /** Every TLP level once, then the sentinel. */
    public static FeedBundles everyLevel() {
        return new FeedBundles(Tlp.values());
    }

    public String json() {
        return json;
    }

    public String id(Tlp tlp) {
        return byTlp.get(tlp);
    }

    public String sentinel() {
        return sentinel;
    }

    /** The ids of the given levels' objects, and the sentinel's. */
    public List<String> idsOf(Tlp... levels) {
        List<String> ids = new ArrayList<>();
        for (Tlp tlp : levels) {
            ids.add(byTlp.get(tlp));
        }
        ids.add(sentinel);
        return ids;
    }

    /** Every object id of the bundle, sentinel included. */
    public List<String> allIds() {
        List<String> ids = new ArrayList<>(byTlp.values());
        ids.add(sentinel);
        return ids;
    }

    private static String malware(String id, Tlp tlp) {
        return "{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\","
                + "\"created\":\"2026-11-01T10:00:00.000Z\",\"modified\":\"2026-11-01T10:00:00.000Z\","
                + "\"name\":\"feed " + tlp.name() + "\",\"is_family\":false,"
                + "\"object_marking_refs\":[\"" + tlp.markingDefinitionId() + "\"]}";
    }
}
