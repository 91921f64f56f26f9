package org.certhub.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlaybookRunPagesControllerTests {

    @Test
    void offersToAcknowledgeOnlyTheViewersNotificationsNotYetAcknowledged() {
        List<Map<String, Object>> timeline = List.of(
                entry("run-started", null, null),
                entry("notification-requested", "kz-cert", "ntf-kz"),
                entry("notification-requested", "uz-cert", "ntf-uz"),
                entry("notification-requested", "uz-cert", "ntf-uz-2"),
                entry("delivered", "uz-cert", "ntf-uz"),
                entry("acknowledged", "uz-cert", "ntf-uz-2"));

        assertThat(PlaybookRunPagesController.toAcknowledge(timeline, "uz-cert")).containsExactly(Map.entry("ntf-uz", "alert"));
        assertThat(PlaybookRunPagesController.toAcknowledge(timeline, "kg-cert")).isEmpty();
    }

    private static Map<String, Object> entry(String kind, String recipient, String notificationId) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("kind", kind);
        entry.put("recipient", recipient);
        entry.put("notificationId", notificationId);
        entry.put("stepId", "alert");
        return entry;
    }
}
