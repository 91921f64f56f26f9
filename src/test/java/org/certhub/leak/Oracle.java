package org.certhub.leak;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TLP 2.0 as README.md and DESIGN.md state it, written here from scratch (no production visibility
 * code): a viewer sees all of its own objects; others' CLEAR and GREEN if authenticated; others'
 * AMBER if it is a member CERT (or a partner configured as a member); others' AMBER+STRICT and RED
 * never. An admin sees others' CLEAR and GREEN only. A feed scope carries its levels only.
 * <p>
 * A viewer's secrets are the tokens it must never read anywhere: the id and the text markers of
 * every object it may not see, and each observable value all of whose holders it may not see
 * (with the correlation id and grouping id derived from that value), and the id of every bundle
 * all of whose objects it may not see (a bundle is the container of objects no incident reaches).
 */
final class Oracle {

    private final List<SharedObject> objects;
    private final List<World.Submission> submissions;
    private final Map<Observable, List<SharedObject>> holders = new LinkedHashMap<>();

    Oracle(List<SharedObject> objects, List<World.Submission> submissions) {
        this.objects = objects;
        this.submissions = submissions;
        for (SharedObject object : objects) {
            for (Observable value : object.values()) {
                holders.computeIfAbsent(value, any -> new java.util.ArrayList<>()).add(object);
            }
        }
    }

    static boolean sees(Viewer viewer, SharedObject object) {
        if (viewer.kind() == Viewer.Kind.SCOPE) {
            return viewer.scopeLevels().contains(object.level());
        }
        if (viewer.kind() == Viewer.Kind.ADMIN) {
            return object.level() == Level.CLEAR || object.level() == Level.GREEN;
        }
        if (object.owner().equals(viewer.id())) {
            return true;
        }
        return switch (object.level()) {
            case CLEAR, GREEN -> true;
            case AMBER -> viewer.member();
            case AMBER_STRICT, RED -> false;
        };
    }

    /** The values some object carries, with the objects that carry each. */
    Map<Observable, List<SharedObject>> holders() {
        return holders;
    }

    /** Whether {@code viewer} may learn that {@code value} was reported at all. */
    boolean seesValue(Viewer viewer, Observable value) {
        return holders.getOrDefault(value, List.of()).stream().anyMatch(object -> sees(viewer, object));
    }

    /** Token to kind of secret, for one viewer. */
    Map<String, String> secretsOf(Viewer viewer) {
        Map<String, String> secrets = new HashMap<>();
        for (SharedObject object : objects) {
            if (!sees(viewer, object)) {
                secrets.put(object.uuid(), object.type() + "-id");
                object.markers().forEach(marker -> secrets.put(marker, object.type() + "-text"));
            }
        }
        for (World.Submission submission : submissions) {
            if (submission.objects().stream().noneMatch(object -> sees(viewer, object))) {
                secrets.put(submission.bundleId().substring("bundle--".length()), "bundle-id");
            }
        }
        holders.forEach((value, carriers) -> {
            if (!seesValue(viewer, value)) {
                secrets.put(value.value(), "value:" + value.type());
                if (value.type().equals("url")) {
                    String host = value.value().substring(value.value().indexOf("//") + 2);
                    secrets.put(host.substring(0, host.indexOf('/')), "value:url-host");
                }
                String correlationId = correlationId(value);
                secrets.put(correlationId, "correlation-id:" + value.type());
                secrets.put(groupingUuid(correlationId), "grouping-id:" + value.type());
            }
        });
        return secrets;
    }

    /** SHA-256 hex of {@code type:value}, as the README describes correlation ids. */
    static String correlationId(Observable value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.key().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** The UUID of the correlation's grouping: the first 128 bits as an RFC 9562 version-8 UUID. */
    static String groupingUuid(String correlationId) {
        byte[] bytes = HexFormat.of().parseHex(correlationId.substring(0, 32));
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x80);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        String hex = HexFormat.of().formatHex(bytes);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
                + "-" + hex.substring(20);
    }
}
