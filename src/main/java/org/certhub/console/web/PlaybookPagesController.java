package org.certhub.console.web;

import java.util.List;
import java.util.Map;

import org.certhub.playbook.web.PlaybooksController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /console/playbooks}: the released playbooks, each with its versions (number, content
 * hash, when it was first loaded); {@code .../{id}/versions/{n}}: a version's YAML as text;
 * {@code .../{id}/diff?from=&to=}: the line diff between two versions. The same reads as
 * {@code GET /api/v1/playbooks[/{id}[/versions/{n}]]}.
 */
@Controller
class PlaybookPagesController {

    private final PlaybooksController playbooks;

    PlaybookPagesController(PlaybooksController playbooks) {
        this.playbooks = playbooks;
    }

    @GetMapping("/console/playbooks")
    String playbooks(Model model) {
        Map<String, Object> listed = playbooks.playbooks();
        List<Map<String, Object>> details = ApiViews.list(listed.get("playbooks")).stream()
                .map(summary -> ApiViews.map(playbooks.playbook(String.valueOf(summary.get("id"))))).toList();
        model.addAttribute("playbooks", details);
        model.addAttribute("refused", ApiViews.list(listed.get("refused")));
        return "console/playbooks";
    }

    @GetMapping("/console/playbooks/{id}/versions/{version}")
    String version(@PathVariable String id, @PathVariable int version, Model model) {
        model.addAttribute("playbook", ApiViews.map(playbooks.playbook(id)));
        model.addAttribute("version", ApiViews.map(playbooks.version(id, version)));
        return "console/playbook-version";
    }

    @GetMapping("/console/playbooks/{id}/diff")
    String diff(@PathVariable String id, @RequestParam int from, @RequestParam int to, Model model) {
        Map<String, Object> older = playbooks.version(id, from);
        Map<String, Object> newer = playbooks.version(id, to);
        List<LineDiff.Line> lines = LineDiff.of(String.valueOf(older.get("yaml")), String.valueOf(newer.get("yaml")));
        model.addAttribute("playbook", ApiViews.map(playbooks.playbook(id)));
        model.addAttribute("from", ApiViews.map(older));
        model.addAttribute("to", ApiViews.map(newer));
        model.addAttribute("lines", lines);
        model.addAttribute("changed", LineDiff.changed(lines));
        return "console/playbook-diff";
    }
}
