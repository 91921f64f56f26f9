package org.certhub.playbook.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.certhub.playbook.PlaybookProperties;
import org.certhub.playbook.internal.PlaybookRegistry;
import org.certhub.playbook.internal.PlaybookValidator;
import org.certhub.playbook.internal.ReleasedVersion;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The released playbooks and their versions ({@code GET /api/v1/playbooks[/{id}[/versions/{n}]]}),
 * the files the last scan refused, and {@code POST /api/v1/playbooks/validate}. The console calls the
 * three reads in-process.
 */
@RestController
public class PlaybooksController {

    private final PlaybookRegistry registry;
    private final PlaybookProperties properties;

    PlaybooksController(PlaybookRegistry registry, PlaybookProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    @GetMapping(path = "/api/v1/playbooks", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> playbooks() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("playbooks", registry.newestOfEach().stream().map(newest -> {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("id", newest.id());
            summary.put("title", newest.playbook().title());
            summary.put("owner", newest.playbook().owner());
            summary.put("trigger", newest.playbook().trigger().on().jsonName());
            summary.put("newest_version", newest.version());
            summary.put("sha256", newest.sha256());
            summary.put("versions", registry.versions(newest.id()).stream().map(ReleasedVersion::version).toList());
            return summary;
        }).toList());
        body.put("refused", registry.problems());
        return body;
    }

    @GetMapping(path = "/api/v1/playbooks/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> playbook(@PathVariable String id) {
        List<ReleasedVersion> versions = registry.versions(id);
        if (versions.isEmpty()) {
            throw RequestBodies.notFound("Playbook " + id);
        }
        ReleasedVersion newest = versions.get(versions.size() - 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("title", newest.playbook().title());
        body.put("description", newest.playbook().description());
        body.put("owner", newest.playbook().owner());
        body.put("newest_version", newest.version());
        body.put("versions", versions.stream().map(PlaybooksController::version).toList());
        body.put("refused", registry.problems().stream().filter(problem -> problem.id().equals(id)).toList());
        return body;
    }

    @GetMapping(path = "/api/v1/playbooks/{id}/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> version(@PathVariable String id, @PathVariable int version) {
        ReleasedVersion released = registry.version(id, version)
                .orElseThrow(() -> RequestBodies.notFound("Version " + version + " of playbook " + id));
        Map<String, Object> body = version(released);
        body.put("id", id);
        body.put("yaml", released.yaml());
        return body;
    }

    /** Checks a playbook text (YAML body) as the loader would; errors carry line and column. */
    @PostMapping(path = "/api/v1/playbooks/validate", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> validate(HttpServletRequest request) throws IOException {
        String yaml = RequestBodies.text(request.getInputStream(), properties.maxFileSize().toBytes());
        PlaybookValidator.Result result = PlaybookValidator.validate(yaml);
        if (!result.valid()) {
            ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "playbook-invalid", "Invalid playbook",
                    result.errors().size() + " error(s) in the playbook; each names its line, column and JSON pointer.");
            problem.setProperty("errors", result.errors());
            throw new ProblemException(problem);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", true);
        body.put("id", result.playbook().orElseThrow().id());
        body.put("version", result.playbook().orElseThrow().version());
        body.put("steps", result.playbook().orElseThrow().steps().size());
        return body;
    }

    private static Map<String, Object> version(ReleasedVersion released) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", released.version());
        body.put("sha256", released.sha256());
        body.put("file", released.file());
        body.put("first_seen", released.firstSeen().toString());
        body.put("title", released.playbook().title());
        return body;
    }
}
