package org.certhub.leak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The test's own CERTs and partner, added through the admin API beside the demo community, each
 * with contacts whose webhook points at the test's receiver (path {@code /hook/<id>}) and whose
 * e-mail addresses are at {@code <id>.example}, and console accounts for some of them.
 */
final class Community {

    static final List<String> CONTACT_ROLES = List.of("duty-officer", "head-of-operations", "vulnerability-desk",
            "takedown-desk", "coordination-desk");
    private static final List<String> COUNTRIES = List.of("KZ", "UZ", "KG", "TJ", "TM", "CN");

    /** A console account: who signs in, for which principal. */
    record ConsoleUser(String principal, String username, String password) {
    }

    private final Hub hub;
    private final String adminKey;
    private final Receiver receiver;
    private final Random random;
    private final String suffix;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final List<Viewer> viewers = new ArrayList<>();
    private final List<ConsoleUser> users = new ArrayList<>();

    Community(Hub hub, String adminKey, Receiver receiver, long seed) {
        this.hub = hub;
        this.adminKey = adminKey;
        this.receiver = receiver;
        this.random = new Random(seed ^ 0x5DEECE66DL);
        this.suffix = Long.toHexString(random.nextLong() & 0xffffffL);
    }

    /** Adds {@code certs} member CERTs of different countries and one non-member partner that may also read the API. */
    void create(int certs) {
        for (int i = 0; i < certs; i++) {
            String id = "lk" + i + "-cert-" + suffix;
            add(id, """
                    {"id":"%s","kind":"cert","roles":["submitter","responder"],"name":"Leak test CERT %d","country":"%s"}"""
                    .formatted(id, i, COUNTRIES.get(i % COUNTRIES.size())));
            viewers.add(Viewer.cert(id));
        }
        String partner = "lk-partner-" + suffix;
        add(partner, """
                {"id":"%s","kind":"partner","roles":["feed-reader","responder"],"name":"Leak test partner","member":false}"""
                .formatted(partner));
        viewers.add(Viewer.partner(partner, false));
    }

    /** A console account for {@code principal} (a CERT), with a random password. */
    ConsoleUser user(String principal) {
        String username = "lk-" + principal.substring(0, principal.indexOf('-')) + "-" + suffix;
        String password = "pw-" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
        Reply created = hub.post("/api/v1/admin/users", adminKey, """
                {"principal":"%s","username":"%s","password":"%s","roles":["submitter","responder"],"language":"en"}"""
                .formatted(principal, username, password));
        if (created.status() != 201) {
            throw new IllegalStateException("console user not created: " + created.status() + " " + created.body());
        }
        ConsoleUser user = new ConsoleUser(principal, username, password);
        users.add(user);
        return user;
    }

    /** Adds a demo principal (its key from the demo credentials) as a viewer too. */
    void demo(Viewer viewer, String key) {
        keys.put(viewer.id(), key);
        viewers.add(viewer);
    }

    Map<String, String> keys() {
        return keys;
    }

    List<Viewer> viewers() {
        return viewers;
    }

    List<ConsoleUser> users() {
        return users;
    }

    /** Every principal the hub knows (demo, this test's, other tests'), as a viewer. */
    List<Viewer> everyPrincipal() {
        Reply listed = hub.get("/api/v1/admin/principals", adminKey);
        if (listed.status() != 200) {
            throw new IllegalStateException("principals not listed: " + listed.status() + " " + listed.body());
        }
        JsonNode body = Hub.json(listed);
        JsonNode principals = body.isArray() ? body : body.path("principals");
        List<Viewer> all = new ArrayList<>();
        for (JsonNode principal : principals) {
            String id = principal.path("principal").asString();
            String kind = principal.path("kind").asString().toLowerCase(java.util.Locale.ROOT);
            boolean member = principal.path("member").asBoolean();
            all.add(switch (kind) {
                case "cert" -> member ? Viewer.cert(id) : Viewer.partner(id, false);
                case "admin" -> Viewer.admin(id);
                default -> Viewer.partner(id, member);
            });
        }
        return all;
    }

    private void add(String id, String principal) {
        Reply created = hub.post("/api/v1/admin/principals", adminKey, principal);
        if (created.status() != 201) {
            throw new IllegalStateException("principal not created: " + created.status() + " " + created.body());
        }
        keys.put(id, Hub.json(created).path("apiKey").asString());
        ObjectNode contacts = Hub.JSON.createObjectNode();
        contacts.putArray("emails").add("desk@" + id + ".example");
        contacts.putObject("webhook").put("url", receiver.url("/hook/" + id)).put("secret", "whsec-" + id + "-" + suffix);
        ObjectNode roles = contacts.putObject("roles");
        for (String role : CONTACT_ROLES) {
            ArrayNode emails = roles.putObject(role).putArray("emails");
            emails.add(role + "@" + id + ".example");
        }
        Reply set = hub.put("/api/v1/admin/principals/" + id + "/contacts", adminKey, contacts.toString());
        if (set.status() != 200) {
            throw new IllegalStateException("contacts not set: " + set.status() + " " + set.body());
        }
    }
}
