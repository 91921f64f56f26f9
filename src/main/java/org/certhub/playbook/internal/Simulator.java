package org.certhub.playbook.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certhub.notify.NotificationRequested;
import org.certhub.playbook.internal.Playbook.Delivery;
import org.certhub.playbook.internal.Playbook.ExpectAck;
import org.certhub.playbook.internal.Playbook.Publish;
import org.certhub.playbook.internal.Playbook.SetStatus;
import org.certhub.playbook.internal.Playbook.Step;
import org.certhub.stix.Tlp;

/**
 * Runs a version against a subject on paper: whether the trigger matches, and what each step would
 * do, to whom, on which channels, with which text, without sending or storing anything.
 */
public final class Simulator {

    private final Deliveries deliveries;
    private final RunIds runIds;

    public Simulator(Deliveries deliveries, RunIds runIds) {
        this.deliveries = deliveries;
        this.runIds = runIds;
    }

    public Map<String, Object> simulate(ReleasedVersion version, Subject subject, Instant now) {
        Playbook playbook = version.playbook();
        String runId = runIds.of(version.id(), version.version(), subject.kind(), subject.id());
        boolean triggers = playbook.trigger().on() == subject.kind() && playbook.trigger().when().matches(subject);
        List<Map<String, Object>> steps = new ArrayList<>();
        Map<String, List<String>> notified = new HashMap<>();
        List<String> awaited = List.of();
        for (Step step : playbook.steps()) {
            Map<String, Object> planned = new LinkedHashMap<>();
            planned.put("step_id", step.id());
            planned.put("type", step.type());
            if (step instanceof Delivery delivery) {
                Optional<Instant> deadline = playbook.ackOf(delivery.id()).map(ack -> now.plus(ack.within()));
                // On paper nobody acknowledges: an escalation goes to every recipient it would escalate.
                Deliveries.Plan plan = deliveries.plan(version, delivery, subject, runId, now, deadline, awaited);
                notified.put(delivery.id(), plan.requests().stream().map(NotificationRequested::recipient).distinct().toList());
                planned.put("fires", delivery.escalation() ? "when-ack-missing-at-deadline" : "at-once");
                planned.put("notifications", plan.requests().stream().map(Simulator::notification).toList());
                planned.put("skipped", plan.skipped().stream().map(Simulator::skipped).toList());
                planned.put("unknown_recipients", plan.unknown());
            } else if (step instanceof ExpectAck ack) {
                awaited = notified.getOrDefault(ack.from(), List.of());
                planned.put("fires", "waits");
                planned.put("from_step", ack.from());
                planned.put("require", ack.all() ? "all" : "any");
                planned.put("within", ack.within().toString());
            } else if (step instanceof Publish publish) {
                Tlp tlp = publish.tlp().compareTo(subject.tlp()) >= 0 ? publish.tlp() : subject.tlp();
                planned.put("fires", "at-once");
                planned.put("collection", publish.collection());
                planned.put("tlp", tlp.label());
            } else if (step instanceof SetStatus status) {
                planned.put("fires", "at-once");
                planned.put("status", status.status());
            }
            steps.add(planned);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("playbook_id", version.id());
        body.put("playbook_version", version.version());
        body.put("playbook_sha256", version.sha256());
        body.put("subject", Map.of("kind", subject.kind().jsonName(), "id", subject.id(), "tlp", subject.tlp().label()));
        body.put("triggers", triggers);
        body.put("run_id", runId);
        body.put("steps", steps);
        return body;
    }

    private static Map<String, Object> notification(NotificationRequested request) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("notification_id", request.notificationId());
        view.put("recipient", request.recipient());
        // Whether the recipient would get the step's text, or the blind notice because it may not see the subject.
        view.put("delivery", request.blindNotice() ? "blind" : "full");
        view.put("contact_role", request.contactRole());
        view.put("channels", request.channels());
        view.put("subject", request.subject());
        view.put("text", request.text());
        view.put("tlp", request.tlp().label());
        view.put("ack_required", request.ackRequired());
        return view;
    }

    private static Map<String, Object> skipped(Deliveries.Skipped skipped) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("recipient", skipped.recipient());
        view.put("contact_role", skipped.contactRole());
        view.put("delivery", "skipped");
        view.put("reason", skipped.reason());
        return view;
    }
}
