package org.certhub.playbook.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.certhub.playbook.internal.Deliveries;
import org.certhub.playbook.internal.Run;
import org.certhub.playbook.internal.RunStatus;
import org.certhub.playbook.internal.RunStore;
import org.certhub.playbook.internal.Subject;
import org.certhub.playbook.internal.SubjectKind;
import org.certhub.search.SortCursor;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.PrincipalKind;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/playbook-runs[/{runId}]}: runs newest first with cursor paging, and one run
 * with its timeline. A CERT or partner sees the runs it was notified in or is affected by, admins
 * every run; the subject's content (an incident's name and description, a correlation's value)
 * and, on one run, the subject's current hub-side status ({@code set-status}) only when the sharing
 * policy lets the viewer see it. The console calls {@link #runs} and {@link #run} in-process with the
 * signed-in person's principal.
 */
@RestController
public class PlaybookRunsController {

    static final int MAX_LIMIT = 500;

    private final RunStore store;
    private final Deliveries deliveries;

    PlaybookRunsController(RunStore store, Deliveries deliveries) {
        this.store = store;
        this.deliveries = deliveries;
    }

    @GetMapping(path = "/api/v1/playbook-runs", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> runs(@AuthenticationPrincipal Principal viewer, @RequestParam(required = false) String playbook,
            @RequestParam(required = false) String incident, @RequestParam(required = false) String correlation,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RequestBodies.invalid("limit", "range", "must be between 1 and " + MAX_LIMIT);
        }
        if (incident != null && correlation != null) {
            throw RequestBodies.invalid("correlation", "exclusive", "cannot be combined with 'incident'");
        }
        if (status != null && RunStatus.fromJsonName(status).isEmpty()) {
            throw RequestBodies.invalid("status", "enum", "must be 'running', 'waiting' or 'completed'");
        }
        List<FieldValue> after = cursor == null ? List.of() : SortCursor.decode(cursor, "started", List.of(SortCursor.Kind.LONG, SortCursor.Kind.STRING))
                .orElseThrow(() -> RequestBodies.invalid("cursor", "cursor", "is not a cursor this API issued"));
        Optional<String> kind = incident != null ? Optional.of(SubjectKind.INCIDENT.jsonName())
                : correlation != null ? Optional.of(SubjectKind.CORRELATION.jsonName()) : Optional.empty();
        RunStore.Filter filter = new RunStore.Filter(participant(viewer), Optional.ofNullable(playbook), kind,
                Optional.ofNullable(incident != null ? incident : correlation), Optional.ofNullable(status));
        RunStore.Page page = store.list(filter, limit, after);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runs", page.runs().stream().map(run -> summary(run, viewer)).toList());
        body.put("next", page.next().map(values -> SortCursor.encode("started", values)).orElse(null));
        return body;
    }

    @GetMapping(path = "/api/v1/playbook-runs/{runId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> run(@AuthenticationPrincipal Principal viewer, @PathVariable String runId) {
        Run run = store.get(runId).filter(found -> participant(viewer).map(found.participants()::contains).orElse(true))
                .orElseThrow(() -> RequestBodies.notFound("Playbook run " + runId));
        Map<String, Object> body = summary(run, viewer);
        if (deliveries.maySeeContent(viewer, run.subject())) {
            body.put("subject_status", IncidentStatusController.view(run.subject().id(), store.subjectStatus(run.subject().id())));
        }
        body.put("waiting", run.waiting());
        body.put("timeline", run.timeline());
        return body;
    }

    private static Optional<String> participant(Principal viewer) {
        return viewer.kind() == PrincipalKind.ADMIN ? Optional.empty() : Optional.of(viewer.id());
    }

    private Map<String, Object> summary(Run run, Principal viewer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", run.runId());
        body.put("playbook_id", run.playbookId());
        body.put("playbook_version", run.playbookVersion());
        body.put("playbook_sha256", run.playbookSha256());
        body.put("status", run.status().jsonName());
        body.put("escalated", run.escalated());
        body.put("subject", subject(run.subject(), viewer));
        body.put("participants", run.participants());
        body.put("started_at", run.startedAt().toString());
        body.put("updated_at", run.updatedAt().toString());
        return body;
    }

    private Map<String, Object> subject(Subject subject, Principal viewer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", subject.kind().jsonName());
        view.put("id", subject.id());
        view.put("tlp", subject.tlp().label());
        view.put("certs", subject.certs());
        if (deliveries.maySeeContent(viewer, subject)) {
            view.put("title", subject.title());
            view.put("value", subject.value());
        }
        return view;
    }
}
