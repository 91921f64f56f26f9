package org.certhub.playbook.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.certhub.playbook.internal.RunStore;
import org.certhub.playbook.internal.SubjectStatus;
import org.certhub.search.ObjectQueries;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.SharingPolicy;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/incidents/{id}/status}: the hub-side status the playbooks' {@code set-status}
 * steps gave an incident. Whoever may see the incident under the sharing policy may read it; to
 * anyone else the incident does not exist (404), exactly as on {@code GET /api/v1/objects/{id}}.
 */
@RestController
class IncidentStatusController {

    private final ObjectQueries objects;
    private final SharingPolicy policy;
    private final RunStore store;

    IncidentStatusController(ObjectQueries objects, SharingPolicy policy, RunStore store) {
        this.objects = objects;
        this.policy = policy;
        this.store = store;
    }

    @GetMapping(path = "/api/v1/incidents/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> status(@AuthenticationPrincipal Principal viewer, @PathVariable String id) {
        if (!id.startsWith("incident--") || objects.current(id, policy.audienceOf(viewer)).isEmpty()) {
            throw RequestBodies.notFound("Incident " + id);
        }
        return view(id, store.subjectStatus(id));
    }

    /** The status, or {@code null} fields when no playbook has set one yet. */
    static Map<String, Object> view(String subjectId, Optional<SubjectStatus> status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject_id", subjectId);
        body.put("status", status.map(SubjectStatus::status).orElse(null));
        body.put("set_by_run", status.map(SubjectStatus::runId).orElse(null));
        body.put("updated_at", status.map(found -> found.updatedAt().toString()).orElse(null));
        return body;
    }
}
