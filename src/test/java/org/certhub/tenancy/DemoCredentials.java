package org.certhub.tenancy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo principals' API keys, read from the credentials file the hub wrote. */
public final class DemoCredentials {

    private DemoCredentials() {
    }

    public static JsonNode read(Path file) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(file));
    }

    /** API key by principal id. */
    public static Map<String, String> keys(Path file) throws IOException {
        return StreamSupport.stream(read(file).spliterator(), false)
                .collect(Collectors.toMap(entry -> entry.path("principal").asString(),
                        entry -> entry.path("apiKey").asString()));
    }

    public static String bearer(String apiKey) {
        return "Bearer " + apiKey;
    }
}
