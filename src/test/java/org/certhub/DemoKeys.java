package org.certhub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.certhub.tenancy.TenancyProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo community's API keys, as the default run writes them for its users. */
public final class DemoKeys {

    private final JsonNode credentials;

    public DemoKeys(TenancyProperties properties) {
        this.credentials = read(properties.demo().credentialsFile());
    }

    public String of(String principal) {
        for (JsonNode entry : credentials) {
            if (entry.path("principal").asString().equals(principal)) {
                return entry.path("apiKey").asString();
            }
        }
        throw new IllegalArgumentException("no demo key for " + principal);
    }

    private static JsonNode read(Path file) {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the demo credentials " + file, e);
        }
    }
}
