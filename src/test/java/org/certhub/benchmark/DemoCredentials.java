package org.certhub.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CERT principals that may submit, read from the demo credentials file the default run writes:
 * a JSON array of {@code {"principal", "kind", "roles", "apiKey"}}.
 */
final class DemoCredentials {

    /** One submitting CERT and its API key. */
    record Submitter(String principal, String apiKey) {
    }

    private DemoCredentials() {
    }

    /** The principals of kind CERT with role {@code submitter}, by principal id; never empty. */
    static List<Submitter> submitters(Path file) throws IOException {
        JsonNode all = JsonMapper.builder().build().readTree(Files.readAllBytes(file));
        List<Submitter> certs = new ArrayList<>();
        List<Submitter> others = new ArrayList<>();
        for (JsonNode entry : all) {
            boolean submits = false;
            for (JsonNode role : entry.path("roles")) {
                submits |= role.asString("").equalsIgnoreCase("submitter");
            }
            String key = entry.path("apiKey").asString("");
            if (!submits || key.isEmpty()) {
                continue;
            }
            Submitter submitter = new Submitter(entry.path("principal").asString(""), key);
            (entry.path("kind").asString("").toLowerCase(Locale.ROOT).contains("cert") ? certs : others).add(submitter);
        }
        List<Submitter> chosen = certs.isEmpty() ? others : certs;
        if (chosen.isEmpty()) {
            throw new IllegalStateException(file + " names no principal with role 'submitter' and an apiKey");
        }
        chosen.sort(Comparator.comparing(Submitter::principal));
        return chosen;
    }
}
