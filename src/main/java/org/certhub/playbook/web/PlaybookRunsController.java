package org.certhub.playbook.web;

import java.util.ArrayList;
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
import org.certhub.playbook.internal.SubjectMarking;
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
 * with its timeline. A run is derived from its subject and shown by what the viewer may see of that
 * subject ({@link org.certhub.playbook.internal.SubjectMarking}):
 * <ul>
 * <li>a CERT or partner that takes part in the run (notified, or affected) and may see the subject
 *     sees the run whole; an admin sees whole every run whose subject it may see;</li>
 * <li>a participant that may not see the subject sees only the blind entry
 *     {@code {blind, cert, contact, tlp, notification_ids}}: whom to contact, and its own notifications
 *     to acknowledge; no run id, playbook, status or timeline. A listing filtered by playbook,
 *     subject or status leaves such runs out (the filter would say what they are);</li>
 * <li>to anyone else the run does not exist (absent from lists, 404).</li>
 * </ul>
 * The console calls {@link #runs} and {@link #run} in-process with the signed-in person's principal.
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
        boolean filtered = playbook != null || incident != null || correlation != null || status != null;
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Run run : page.runs()) {
            if (deliveries.maySeeContent(viewer, run.subject())) {
                shown.add(summary(run));
            } else if (!filtered && takesPart(viewer, run)) {
                shown.add(blind(run, viewer));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runs", shown);
        body.put("next", page.next().map(values -> SortCursor.encode("started", values)).orElse(null));
        return body;
    }

    @GetMapping(path = "/api/v1/playbook-runs/{runId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> run(@AuthenticationPrincipal Principal viewer, @PathVariable String runId) {
        Run run = store.get(runId).filter(found -> deliveries.maySeeContent(viewer, found.subject()) && takesPartOrAdmin(viewer, found)
                || takesPart(viewer, found)).orElseThrow(() -> RequestBodies.notFound("Playbook run " + runId));
        if (!deliveries.maySeeContent(viewer, run.subject())) {
            return blind(run, viewer);
        }
        Map<String, Object> body = summary(run);
        body.put("subject_status", IncidentStatusController.view(run.subject().id(), store.subjectStatus(run.subject().id())));
        body.put("waiting", run.waiting());
        body.put("timeline", run.timeline());
        return body;
    }

    private static Optional<String> participant(Principal viewer) {
        return viewer.kind() == PrincipalKind.ADMIN ? Optional.empty() : Optional.of(viewer.id());
    }

    /** A CERT or partner takes part in a run it was notified in or is affected by; admins take part in none. */
    private static boolean takesPart(Principal viewer, Run run) {
        return viewer.kind() != PrincipalKind.ADMIN && run.participants().contains(viewer.id());
    }

    private static boolean takesPartOrAdmin(Principal viewer, Run run) {
        return viewer.kind() == PrincipalKind.ADMIN || run.participants().contains(viewer.id());
    }

    /** What a participant that may not see the subject learns of the run: whom to contact, and its own notifications. */
    private Map<String, Object> blind(Run run, Principal viewer) {
        SubjectMarking.BlindEntry entry = deliveries.blindEntry(viewer, run.subject());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("blind", true);
        body.put("cert", entry.cert());
        body.put("contact", entry.contact());
        body.put("tlp", entry.tlp().label());
        body.put("notification_ids", run.timeline().stream()
                .filter(line -> line.kind().equals("notification-requested") && viewer.id().equals(line.recipient())
                        && line.notificationId() != null)
                .map(Run.TimelineEntry::notificationId).distinct().toList());
        return body;
    }

    private Map<String, Object> summary(Run run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", run.runId());
        body.put("playbook_id", run.playbookId());
        body.put("playbook_version", run.playbookVersion());
        body.put("playbook_sha256", run.playbookSha256());
        body.put("status", run.status().jsonName());
        body.put("escalated", run.escalated());
        body.put("subject", subject(run.subject()));
        body.put("participants", run.participants());
        body.put("started_at", run.startedAt().toString());
        body.put("updated_at", run.updatedAt().toString());
        return body;
    }

    private static Map<String, Object> subject(Subject subject) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", subject.kind().jsonName());
        view.put("id", subject.id());
        view.put("tlp", subject.tlp().label());
        view.put("certs", subject.certs());
        view.put("title", subject.title());
        view.put("value", subject.value());
        return view;
    }
}
