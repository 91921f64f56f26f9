package org.certhub.console.web;

import java.util.List;
import java.util.Map;

import org.certhub.notify.web.NotificationsController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /console/notifications}: the inbox of the viewer's CERT, exactly as
 * {@code GET /api/v1/notifications} answers it (open ones first by default, a page at a time);
 * {@code POST /console/notifications/{id}/ack} acknowledges one from the page.
 */
@Controller
class NotificationPagesController {

    static final int PAGE = 25;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };

    private final Viewers viewers;
    private final NotificationsController notifications;

    NotificationPagesController(Viewers viewers, NotificationsController notifications) {
        this.viewers = viewers;
        this.notifications = notifications;
    }

    @GetMapping("/console/notifications")
    String inbox(@RequestParam(defaultValue = "false") String acknowledged, @RequestParam(required = false) String cursor,
            Model model) {
        Map<String, Object> page = notifications.list(viewers.require().principal(),
                acknowledged.equals("all") ? null : acknowledged, null, PAGE, cursor);
        // The API's records, as the plain maps its JSON is, so the page reads the same names the API documents.
        model.addAttribute("notifications", JSON.convertValue(page.get("notifications"), LIST));
        model.addAttribute("next", page.get("next"));
        model.addAttribute("acknowledged", acknowledged);
        return "console/notifications";
    }

    @PostMapping("/console/notifications/{id}/ack")
    String acknowledge(@PathVariable String id, @RequestParam(defaultValue = "/console/notifications") String back) {
        notifications.acknowledge(viewers.require().principal(), id);
        return "redirect:" + ConsolePaths.sameConsole(back);
    }
}
