package org.certhub.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certhub.playbook.web.PlaybookRunsController;
import org.certhub.playbook.web.PlaybooksController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /console/runs}: the playbook runs the viewer's CERT takes part in, newest first, by
 * playbook and status, a page at a time; {@code GET /console/runs/{id}}: one run's timeline of steps,
 * deliveries, retries and acknowledgements, with the viewer's own notifications to acknowledge. Both
 * are what {@code GET /api/v1/playbook-runs[/{id}]} answers the viewer's principal: a run whose
 * subject the viewer may not see is its blind entry (whom to contact, at which level) only.
 */
@Controller
class PlaybookRunPagesController {

    static final int PAGE = 25;

    private final Viewers viewers;
    private final PlaybookRunsController runs;
    private final PlaybooksController playbooks;

    PlaybookRunPagesController(Viewers viewers, PlaybookRunsController runs, PlaybooksController playbooks) {
        this.viewers = viewers;
        this.runs = runs;
        this.playbooks = playbooks;
    }

    @GetMapping("/console/runs")
    String runs(@RequestParam(required = false) String playbook, @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor, Model model) {
        Viewer viewer = viewers.require();
        String wantedPlaybook = playbook == null || playbook.isBlank() ? null : playbook;
        String wantedStatus = status == null || status.isBlank() ? null : status;
        Map<String, Object> page = runs.runs(viewer.principal(), wantedPlaybook, null, null, wantedStatus, PAGE, cursor);
        model.addAttribute("runs", ApiViews.list(page.get("runs")));
        model.addAttribute("next", page.get("next"));
        model.addAttribute("playbook", wantedPlaybook);
        model.addAttribute("status", wantedStatus);
        model.addAttribute("playbookIds", ApiViews.list(playbooks.playbooks().get("playbooks")).stream()
                .map(listed -> String.valueOf(listed.get("id"))).toList());
        return "console/runs";
    }

    @GetMapping("/console/runs/{runId}")
    String run(@PathVariable String runId, Model model) {
        Viewer viewer = viewers.require();
        Map<String, Object> run = ApiViews.map(runs.run(viewer.principal(), runId));
        model.addAttribute("run", run);
        if (Boolean.TRUE.equals(run.get("blind"))) {
            // A run about something the viewer may not see: whom to contact, and its own notifications.
            model.addAttribute("toAcknowledge", run.get("notification_ids"));
            return "console/run-blind";
        }
        List<Map<String, Object>> timeline = ApiViews.list(run.get("timeline"));
        model.addAttribute("timeline", timeline);
        model.addAttribute("toAcknowledge", toAcknowledge(timeline, viewer.principal().id()));
        return "console/run";
    }

    /** The viewer's notifications in the run that the timeline does not show acknowledged yet, by id, with their step. */
    static Map<String, String> toAcknowledge(List<Map<String, Object>> timeline, String principalId) {
        Map<String, String> open = new LinkedHashMap<>();
        for (Map<String, Object> entry : timeline) {
            if ("notification-requested".equals(entry.get("kind")) && principalId.equals(entry.get("recipient"))
                    && entry.get("notificationId") != null) {
                open.put(String.valueOf(entry.get("notificationId")), String.valueOf(entry.get("stepId")));
            }
        }
        for (Map<String, Object> entry : timeline) {
            if ("acknowledged".equals(entry.get("kind"))) {
                open.remove(String.valueOf(entry.get("notificationId")));
            }
        }
        return open;
    }
}
