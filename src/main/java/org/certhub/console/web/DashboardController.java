package org.certhub.console.web;

import java.util.List;
import java.util.Map;

import org.certhub.correlation.web.CorrelationsController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /console}: what is shared with the viewer's CERT over the last 30 days: correlations per
 * day, by type and CERT, the most shared values and ATT&CK techniques.
 */
@Controller
class DashboardController {

    private final Viewers viewers;
    private final CorrelationsController correlations;

    DashboardController(Viewers viewers, CorrelationsController correlations) {
        this.viewers = viewers;
        this.correlations = correlations;
    }

    @GetMapping("/console")
    String dashboard(Model model) {
        Viewer viewer = viewers.require();
        Map<String, Object> stats = correlations.stats(viewer.principal(), 30);
        model.addAttribute("stats", stats);
        model.addAttribute("maxPerDay", ((List<?>) stats.get("per_day")).stream().map(day -> (Map<?, ?>) day)
                .mapToLong(day -> ((Number) day.get("correlations")).longValue()).max().orElse(1));
        model.addAttribute("recent", correlations.correlations(viewer.principal(), null, null, null, null, null, null,
                null, "recent", false, 10, null).get("correlations"));
        return "console/dashboard";
    }
}
