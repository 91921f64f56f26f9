package org.certhub.console.web;

import java.util.List;

import org.certhub.correlation.web.ObservablesController;
import org.certhub.playbook.web.PlaybookRunsController;
import org.certhub.search.ObjectQueries;
import org.certhub.search.StoredObject;
import org.certhub.stix.observable.Observable;
import org.certhub.stix.observable.ObservableExtractor;
import org.certhub.tenancy.SharingPolicy;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /console/objects/{id}}: an incident, report or any STIX object rendered for reading
 * (every text escaped), with its TLP, its versions, the objects it refers to, and the correlations of
 * the values it carries; for an incident and a responder, the playbook runs about it. An object the
 * viewer may not see does not exist here, as in the API.
 */
@Controller
class ObjectPagesController {

    private final Viewers viewers;
    private final ObjectQueries objects;
    private final ObservablesController observables;
    private final SharingPolicy policy;
    private final PlaybookRunsController runs;

    ObjectPagesController(Viewers viewers, ObjectQueries objects, ObservablesController observables,
            SharingPolicy policy, PlaybookRunsController runs) {
        this.viewers = viewers;
        this.objects = objects;
        this.observables = observables;
        this.policy = policy;
        this.runs = runs;
    }

    @GetMapping("/console/objects/{id}")
    String object(@PathVariable String id, Model model) {
        Viewer viewer = viewers.require();
        SharingPolicy.Audience audience = policy.audienceOf(viewer.principal());
        StoredObject object = objects.current(id, audience)
                .orElseThrow(() -> new ProblemException(Problems.notFound("Object " + id)));
        model.addAttribute("stored", object);
        model.addAttribute("fields", ObjectFields.of(object.object()));
        model.addAttribute("versions", objects.versions(id, audience));
        List<String> values = ObservableExtractor.extract(object.object()).stream().map(Observable::value).distinct().toList();
        if (!values.isEmpty()) {
            model.addAttribute("related", observables.lookup(viewer.principal(),
                    new ObservablesController.LookupRequest(values)).get("results"));
        }
        if (viewer.responder() && "incident".equals(object.object().path("type").asString())) {
            model.addAttribute("runs", ApiViews.list(runs.runs(viewer.principal(), null, id, null, null,
                    PlaybookRunPagesController.PAGE, null).get("runs")));
        }
        return "console/object";
    }
}
