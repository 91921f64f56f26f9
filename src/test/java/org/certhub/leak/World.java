package org.certhub.leak;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The random world of one run, drawn from a seed: per submitting CERT, {@code size} incidents
 * (phishing, denial of service or ransomware, with the incident core extension so that the shipped
 * playbooks trigger) each indicated by one to three indicators, and {@code size} indicators on their
 * own; every level (and unmarked) at random and independently per object, over small pools of
 * values so that CERTs and levels overlap: addresses, networks from /0 to /28, domains, URLs, hashes.
 * Then new versions of some objects and deletions of others. Values are written so that the token
 * scan finds each as a whole (addresses end in an odd number, networks in an even one).
 */
final class World {

    static final String INCIDENT_CORE = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";
    private static final List<String> INCIDENT_TYPES = List.of("phishing", "denial-of-service", "ransomware");

    /** One bundle for one submitter, and the objects it holds (its id is the container of those no incident reaches). */
    record Submission(String owner, String bundleId, String bundle, List<SharedObject> objects) {
    }

    private final Random random;
    private final Map<String, Level> defaults;
    private final Instant created = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private final Map<String, List<String>> pools = new LinkedHashMap<>();
    private final List<SharedObject> objects = new ArrayList<>();
    private final List<Submission> submissions = new ArrayList<>();
    private final List<Submission> versions = new ArrayList<>();
    private final List<SharedObject> deletions = new ArrayList<>();

    private World(long seed, Map<String, Level> defaults) {
        this.random = new Random(seed);
        this.defaults = defaults;
    }

    /** The world of {@code seed}: {@code size} incidents and {@code size} lone indicators per submitter. */
    static World generate(long seed, int size, Map<String, Level> submitterDefaults) {
        World world = new World(seed, submitterDefaults);
        world.fillPools(Math.max(4, size));
        for (String owner : submitterDefaults.keySet()) {
            for (int i = 0; i < size; i++) {
                world.incident(owner);
            }
            world.loneIndicators(owner, size);
        }
        world.changeSome();
        return world;
    }

    List<SharedObject> objects() {
        return objects;
    }

    List<Submission> submissions() {
        return submissions;
    }

    List<Submission> versions() {
        return versions;
    }

    List<SharedObject> deletions() {
        return deletions;
    }

    /** Every value of every pool, carried by an object or not (looked up too). */
    Set<Observable> allValues() {
        Set<Observable> all = new LinkedHashSet<>();
        pools.forEach((type, values) -> values.forEach(value -> all.add(new Observable(type, value))));
        return all;
    }

    private void fillPools(int size) {
        List<String> cidr = new ArrayList<>(List.of("0.0.0.0/0", "100.0.0.0/8", "101.0.0.0/8"));
        for (int i = 0; i < size; i++) {
            int a = 100 + random.nextInt(2);
            int b = 1 + random.nextInt(4);
            int c = 1 + random.nextInt(4);
            cidr.add(a + "." + b + ".0.0/16");
            cidr.add(a + "." + b + "." + c + ".0/24");
            cidr.add(a + "." + b + "." + c + "." + 16 * random.nextInt(16) + "/28");
        }
        pools.put("cidr", distinct(cidr));
        List<String> ipv4 = new ArrayList<>();
        List<String> domain = new ArrayList<>();
        List<String> url = new ArrayList<>();
        List<String> sha256 = new ArrayList<>();
        List<String> md5 = new ArrayList<>();
        for (int i = 0; i < 2 * size; i++) {
            ipv4.add((100 + random.nextInt(2)) + "." + (1 + random.nextInt(4)) + "." + (1 + random.nextInt(4)) + "."
                    + (2 * random.nextInt(127) + 1));
        }
        for (int i = 0; i < size; i++) {
            domain.add("dom-" + hex(5) + ".example");
            url.add("http://url-" + hex(5) + ".example/leak-" + hex(5));
            sha256.add(hex(32));
            md5.add(hex(16));
        }
        pools.put("ipv4", distinct(ipv4));
        pools.put("domain", domain);
        pools.put("url", url);
        pools.put("sha256", sha256);
        pools.put("md5", md5);
    }

    private void incident(String owner) {
        String incidentId = "incident--" + uuid();
        Level level = level();
        boolean marked = random.nextInt(6) != 0;
        String type = INCIDENT_TYPES.get(random.nextInt(INCIDENT_TYPES.size()));
        List<String> bundle = new ArrayList<>();
        List<SharedObject> held = new ArrayList<>();
        SharedObject incident = new SharedObject(incidentId, owner, marked ? level : defaults.get(owner), marked, List.of(),
                """
                {"type":"incident","spec_version":"2.1","id":"%s","created":"%s","modified":"%s",\
                "name":"Incident %s","description":"Campaign seen by the constituency, see %s",%s\
                "extensions":{"%s":{"extension_type":"property-extension","determination":"confirmed",\
                "investigation_status":"open","criticality":90,"incident_types":["%s"]}}}"""
                        .formatted(incidentId, timestamp(created), SharedObject.MODIFIED, SharedObject.MARK, SharedObject.MARK,
                                markingOf(level, marked), INCIDENT_CORE, type), Optional.of(incidentId));
        add(incident, bundle, held);
        int indicators = 1 + random.nextInt(3);
        for (int i = 0; i < indicators; i++) {
            SharedObject indicator = indicator(owner, Optional.of(incidentId));
            add(indicator, bundle, held);
            String relationshipId = "relationship--" + uuid();
            // a relationship names both ends: it takes the stricter of their levels, so that whoever may see it may see
            // both (a GREEN relationship to a RED indicator would publish the indicator's id by the owner's own choice)
            Level strictest = Level.values()[Math.max(indicator.level().ordinal(), incident.level().ordinal())];
            SharedObject relationship = new SharedObject(relationshipId, owner, strictest, true, List.of(),
                    """
                    {"type":"relationship","spec_version":"2.1","id":"%s","created":"%s","modified":"%s",\
                    "relationship_type":"indicates","source_ref":"%s","target_ref":"%s",\
                    "description":"Indicates %s",%s"x_leak":true}"""
                            .formatted(relationshipId, timestamp(created), SharedObject.MODIFIED, indicator.id(), incidentId,
                                    SharedObject.MARK, markingOf(strictest, true)), Optional.of(incidentId));
            add(relationship, bundle, held);
        }
        submissions.add(submission(owner, bundle, held));
    }

    private void loneIndicators(String owner, int count) {
        List<String> bundle = new ArrayList<>();
        List<SharedObject> held = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            add(indicator(owner, Optional.empty()), bundle, held);
        }
        submissions.add(submission(owner, bundle, held));
    }

    private SharedObject indicator(String owner, Optional<String> incident) {
        String id = "indicator--" + uuid();
        List<String> types = List.copyOf(pools.keySet());
        String type = types.get(random.nextInt(types.size()));
        List<String> pool = pools.get(type);
        String value = pool.get(random.nextInt(pool.size()));
        String pattern = switch (type) {
            case "ipv4" -> "[ipv4-addr:value = '" + value + "']";
            case "cidr" -> "[ipv4-addr:value ISSUBSET '" + value + "']";
            case "domain" -> "[domain-name:value = '" + value + "']";
            case "url" -> "[url:value = '" + value + "']";
            case "sha256" -> "[file:hashes.'SHA-256' = '" + value + "']";
            default -> "[file:hashes.MD5 = '" + value + "']";
        };
        Level level = level();
        boolean marked = random.nextInt(6) != 0;
        return new SharedObject(id, owner, marked ? level : defaults.get(owner), marked, List.of(new Observable(type, value)),
                """
                {"type":"indicator","spec_version":"2.1","id":"%s","created":"%s","modified":"%s",\
                "name":"Indicator %s","description":"Seen in traffic, see %s","pattern_type":"stix",\
                "pattern":"%s","valid_from":"%s",%s"indicator_types":["malicious-activity"]}"""
                        .formatted(id, timestamp(created), SharedObject.MODIFIED, SharedObject.MARK, SharedObject.MARK,
                                pattern, timestamp(created), markingOf(level, marked)),
                incident);
    }

    /** New versions of about one object in eight, and deletions of about one lone indicator in six. */
    private void changeSome() {
        Map<String, List<String>> byOwner = new LinkedHashMap<>();
        Map<String, List<SharedObject>> changedByOwner = new LinkedHashMap<>();
        for (SharedObject object : objects) {
            if (object.type().equals("relationship")) {
                continue;
            }
            if (object.incident().isEmpty() && random.nextInt(6) == 0) {
                deletions.add(object);
            } else if (random.nextInt(8) == 0) {
                byOwner.computeIfAbsent(object.owner(), owner -> new ArrayList<>())
                        .add(object.version(marker(), timestamp(created.plus(1, ChronoUnit.HOURS))));
                changedByOwner.computeIfAbsent(object.owner(), owner -> new ArrayList<>()).add(object);
            }
        }
        byOwner.forEach((owner, changed) -> versions.add(submission(owner, changed, changedByOwner.get(owner))));
    }

    private void add(SharedObject object, List<String> bundle, List<SharedObject> held) {
        objects.add(object);
        held.add(object);
        bundle.add(object.version(marker(), timestamp(created)));
    }

    private Submission submission(String owner, List<String> json, List<SharedObject> held) {
        String bundleId = "bundle--" + uuid();
        return new Submission(owner, bundleId, "{\"type\":\"bundle\",\"id\":\"" + bundleId + "\",\"objects\":["
                + String.join(",", json) + "]}", List.copyOf(held));
    }

    private Level level() {
        return Level.values()[random.nextInt(Level.values().length)];
    }

    private static String markingOf(Level level, boolean marked) {
        return marked ? "\"object_marking_refs\":[\"" + level.markingId() + "\"]," : "";
    }

    private String marker() {
        return "LEAKMARK-" + hex(6);
    }

    private String uuid() {
        long high = (random.nextLong() & ~0xf000L) | 0x4000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private String hex(int bytes) {
        byte[] data = new byte[bytes];
        random.nextBytes(data);
        return HexFormat.of().formatHex(data);
    }

    private static String timestamp(Instant instant) {
        return instant.toString().replace("Z", ".000Z");
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
