package org.certhub.console.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.certhub.correlation.web.ObservablesController;
import org.certhub.search.ObjectFilter;
import org.certhub.search.ObjectQueries;
import org.certhub.tenancy.SharingPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /console/search}: objects with the API's filters, a page at a time;
 * {@code POST /console/search/observables}: every sighting of a pasted list of values (one a line).
 */
@Controller
class SearchController {

    static final int PAGE = 25;
    static final int MAX_VALUES = 1000;

    private final Viewers viewers;
    private final ObjectQueries objects;
    private final ObservablesController observables;
    private final SharingPolicy policy;

    SearchController(Viewers viewers, ObjectQueries objects, ObservablesController observables, SharingPolicy policy) {
        this.viewers = viewers;
        this.objects = objects;
        this.observables = observables;
        this.policy = policy;
    }

    @GetMapping("/console/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String value,
            @RequestParam(required = false) String type, @RequestParam(required = false) String cert,
            @RequestParam(required = false) String cursor, Model model) {
        Viewer viewer = viewers.require();
        model.addAttribute("q", q).addAttribute("value", value).addAttribute("type", type).addAttribute("cert", cert);
        if (blank(q) && blank(value) && blank(type) && blank(cert)) {
            return "console/search";
        }
        ObjectFilter filter = new ObjectFilter(blank(type) ? List.of() : List.of(type.trim()), present(cert),
                present(value), present(q), Optional.empty(), Optional.empty());
        try {
            model.addAttribute("page", objects.list(filter, PAGE, present(cursor), policy.audienceOf(viewer.principal())));
        } catch (IllegalArgumentException badCursor) {
            model.addAttribute("searchError", "console.search.bad-cursor");
        }
        return "console/search";
    }

    @PostMapping("/console/search/observables")
    String lookup(@RequestParam String values, Model model) {
        Viewer viewer = viewers.require();
        List<String> pasted = Arrays.stream(values.split("[\\r\\n,;]+")).map(String::trim).filter(v -> !v.isEmpty())
                .distinct().toList();
        model.addAttribute("values", values);
        if (pasted.size() > MAX_VALUES) {
            model.addAttribute("lookupError", "console.search.too-many");
            return "console/search";
        }
        model.addAttribute("lookup", observables.lookup(viewer.principal(),
                new ObservablesController.LookupRequest(pasted)).get("results"));
        return "console/search";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Optional<String> present(String text) {
        return blank(text) ? Optional.empty() : Optional.of(text.trim());
    }
}
