package org.certhub.console.web;

import java.util.List;
import java.util.Map;

import org.certhub.correlation.web.CorrelationsController;
import org.certhub.correlation.web.StatsController;
import org.certhub.playbook.web.PlaybookRunsController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /console}: what is shared with the viewer's CERT over the last 30 days: correlations per
 * day, by type and CERT, the most shared values and ATT&CK techniques; for responders, the playbook
 * runs waiting for an acknowledgement.
 */
@Controller
class DashboardController {

    private final Viewers viewers;
    private final CorrelationsController correlations;
    private final StatsController stats;
    private final PlaybookRunsController runs;

    DashboardController(Viewers viewers, CorrelationsController correlations, StatsController stats,
            PlaybookRunsController runs) {
        this.viewers = viewers;
        this.correlations = correlations;
        this.stats = stats;
        this.runs = runs;
    }

    @GetMapping("/console")
    String dashboard(Model model) {
        Viewer viewer = viewers.require();
        Map<String, Object> figures = stats.stats(viewer.principal(), null, null, null, 10);
        Map<?, ?> correlationFigures = (Map<?, ?>) figures.get("correlations");
        model.addAttribute("stats", figures);
        model.addAttribute("correlationStats", correlationFigures);
        model.addAttribute("maxPerDay", ((List<?>) correlationFigures.get("per_day")).stream().map(day -> (Map<?, ?>) day)
                .mapToLong(day -> ((Number) day.get("correlations")).longValue()).max().orElse(1));
        model.addAttribute("maxIncidents", ((List<?>) figures.get("incidents_per_day")).stream().map(day -> (Map<?, ?>) day)
                .mapToLong(day -> ((Number) day.get("total")).longValue()).max().orElse(1));
        model.addAttribute("recent", correlations.correlations(viewer.principal(), null, null, null, null, null, null,
                null, "recent", false, 10, null).get("correlations"));
        if (viewer.responder()) {
            model.addAttribute("waitingRuns", ApiViews.list(runs.runs(viewer.principal(), null, null, null, "waiting", 10, null)
                    .get("runs")));
        }
        return "console/dashboard";
    }
}
