package org.certhub.console.web;

import java.util.Map;

import org.certhub.correlation.web.CorrelationsController;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code GET /console/correlations} (by recency or score, filtered, a page at a time),
 * {@code GET /console/correlations/{id}} (members, explanation, graph) and
 * {@code GET /console/correlations/{id}/graph} (the graph's JSON, for {@code graph.js}). All of it is
 * what the correlation API answers the viewer's principal: blind members stay blind.
 */
@Controller
class CorrelationPagesController {

    static final int PAGE = 25;

    private final Viewers viewers;
    private final CorrelationsController correlations;

    CorrelationPagesController(Viewers viewers, CorrelationsController correlations) {
        this.viewers = viewers;
        this.correlations = correlations;
    }

    @GetMapping("/console/correlations")
    String list(@RequestParam(defaultValue = "recent") String sort, @RequestParam(required = false) String cert,
            @RequestParam(required = false) String type, @RequestParam(required = false) String value,
            @RequestParam(name = "min_certs", required = false) Integer minCerts,
            @RequestParam(required = false) String cursor, Model model) {
        Viewer viewer = viewers.require();
        model.addAttribute("sort", sort).addAttribute("cert", cert).addAttribute("type", type)
                .addAttribute("value", value).addAttribute("minCerts", minCerts);
        model.addAttribute("page", correlations.correlations(viewer.principal(), blankToNull(cert), blankToNull(type),
                blankToNull(value), minCerts, null, null, null, sort, false, PAGE, blankToNull(cursor)));
        return "console/correlations";
    }

    @GetMapping("/console/correlations/{id}")
    String detail(@PathVariable String id, Model model) {
        model.addAttribute("correlation", correlations.correlation(viewers.require().principal(), id));
        return "console/correlation";
    }

    @GetMapping(path = "/console/correlations/{id}/graph", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> graph(@PathVariable String id) {
        return CorrelationGraph.of(correlations.correlation(viewers.require().principal(), id));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
