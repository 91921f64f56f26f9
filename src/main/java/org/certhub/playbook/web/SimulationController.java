package org.certhub.playbook.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.certhub.correlation.CorrelationFound;
import org.certhub.playbook.internal.PlaybookRegistry;
import org.certhub.playbook.internal.ReleasedVersion;
import org.certhub.playbook.internal.Simulator;
import org.certhub.playbook.internal.Subject;
import org.certhub.playbook.internal.Subjects;
import org.certhub.tenancy.Principal;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/playbooks/{id}/versions/{n}/simulate}: the body is an incident (a STIX
 * {@code incident} object, or a bundle holding one, taken as submitted by the caller) or a
 * correlation ({@code CorrelationFound}); the answer says which steps would fire, to whom, on which
 * channels and with which text. Nothing is sent or stored.
 */
@RestController
class SimulationController {

    private static final long MAX_BODY = 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlaybookRegistry registry;
    private final Subjects subjects;
    private final Simulator simulator;

    SimulationController(PlaybookRegistry registry, Subjects subjects, Simulator simulator) {
        this.registry = registry;
        this.subjects = subjects;
        this.simulator = simulator;
    }

    @PostMapping(path = "/api/v1/playbooks/{id}/versions/{version}/simulate", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> simulate(@AuthenticationPrincipal Principal caller, @PathVariable String id,
            @PathVariable int version, HttpServletRequest request) throws IOException {
        ReleasedVersion released = registry.version(id, version)
                .orElseThrow(() -> RequestBodies.notFound("Version " + version + " of playbook " + id));
        JsonNode body;
        try {
            body = JSON.readTree(RequestBodies.text(request.getInputStream(), MAX_BODY));
        } catch (JacksonException e) {
            throw RequestBodies.invalid("", "json-syntax", "is not JSON");
        }
        return simulator.simulate(released, subject(body, caller), Instant.now());
    }

    /**
     * The incident-core {@code criticality} is an integer from 0 to 100 (STIX, as intake checks it):
     * an incident simulated here was never submitted, so nothing checked it yet.
     */
    private static void checkCriticality(JsonNode object, String pointer) {
        for (Map.Entry<String, JsonNode> extension : object.path("extensions").properties()) {
            JsonNode criticality = extension.getValue().path("criticality");
            if (!criticality.isMissingNode() && !(criticality.isIntegralNumber() && criticality.canConvertToInt()
                    && criticality.asInt() >= 0 && criticality.asInt() <= 100)) {
                throw RequestBodies.invalid(pointer + "/extensions/" + extension.getKey().replace("~", "~0").replace("/", "~1")
                        + "/criticality", "integer-range", "must be an integer from 0 to 100");
            }
        }
    }

    private Subject subject(JsonNode body, Principal caller) {
        String type = body.path("type").asString("");
        if (type.equals("incident")) {
            checkCriticality(body, "");
            return subjects.incident(body, List.of(body), caller);
        }
        if (type.equals("bundle")) {
            for (int i = 0; i < body.path("objects").size(); i++) {
                checkCriticality(body.path("objects").path(i), "/objects/" + i);
            }
            return subjects.incidents(body, caller).stream().findFirst()
                    .orElseThrow(() -> RequestBodies.invalid("/objects", "incident-required", "holds no incident object"));
        }
        Optional<CorrelationFound> correlation = body.isObject() && body.has("certs") && body.has("id")
                ? CorrelationFound.fromJson(JSON.writeValueAsBytes(body)) : Optional.empty();
        return correlation.filter(found -> found.id() != null && found.valueType() != null && found.value() != null)
                .map(subjects::correlation)
                .orElseThrow(() -> RequestBodies.invalid("", "simulation-subject",
                        "must be a STIX incident object, a bundle holding one, or a correlation (CorrelationFound)"));
    }
}
