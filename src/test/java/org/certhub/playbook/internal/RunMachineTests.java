package org.certhub.playbook.internal;

import org.certhub.TestHolders;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.certhub.correlation.CorrelationFound;
import org.certhub.notify.NotificationEvent;
import org.certhub.notify.NotificationRequested;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.SharingPolicy;
import org.junit.jupiter.api.Test;

class RunMachineTests {

    private static final Instant T0 = Instant.parse("2026-11-29T06:00:00Z");
    private final TestCommunity community = new TestCommunity();
    private final Subjects subjects = new Subjects(community, new SharingPolicy());
    private static final String RUN = "run-0123456789abcdef0123456789abcdef";
    private final RunMachine machine = new RunMachine(new Deliveries(community, new SharingPolicy()));
    private final ReleasedVersion version = new ReleasedVersion(PlaybookValidator.validate(PlaybookValidatorTests.VALID)
            .playbook().orElseThrow(), PlaybookValidatorTests.VALID, Hashes.sha256(PlaybookValidatorTests.VALID),
            "test-playbook/v1.yaml", T0);
    private final Subject correlation = subjects.correlation(new CorrelationFound(1, "c0ffee", "ipv4", "203.0.113.7",
            "shared-value", 2, List.of("kz-cert", "tj-cert"), 60, T0, T0,
            TestHolders.green("kz-cert", "tj-cert")));

    @Test
    void startsByNotifyingEveryRecipientOnceAndWaitsForTheirAcknowledgement() {
        RunMachine.Transition started = machine.start(RUN, version, correlation, "runs", 2, T0);

        assertThat(started.notifications()).extracting(NotificationRequested::recipient)
                .containsExactly("kz-cert", "tj-cert", "regional-soc");
        assertThat(started.notifications()).allSatisfy(n -> {
            assertThat(n.ackRequired()).isTrue();
            assertThat(n.ackDeadline()).isEqualTo(T0.plusSeconds(3));
        });
        assertThat(started.run().status()).isEqualTo(RunStatus.WAITING);
        assertThat(started.run().waiting().from()).containsExactly("kz-cert", "tj-cert", "regional-soc");
        assertThat(started.run().runId()).isEqualTo(RUN);
        assertThat(machine.start(RUN, version, correlation, "runs", 2, T0.plusSeconds(60)).notifications())
                .extracting(NotificationRequested::notificationId)
                .isEqualTo(started.notifications().stream().map(NotificationRequested::notificationId).toList());
    }

    @Test
    void tellsTheSharedValueOnlyToWhoMaySeeAHolderThatCarriesIt() {
        Subject red = subjects.correlation(new CorrelationFound(2, "c0ffee", "ipv4", "203.0.113.7", "shared-value", 2,
                List.of("kz-cert", "tj-cert"), 60, T0, T0, List.of(new CorrelationFound.Holder("kz-cert", "TLP:RED", true),
                        new CorrelationFound.Holder("tj-cert", "TLP:RED", true))));

        RunMachine.Transition started = machine.start(RUN, version, red, "runs", 0, T0);

        assertThat(started.notifications()).extracting(NotificationRequested::recipient).containsExactly("kz-cert", "tj-cert");
        assertThat(started.notifications().get(0).text()).isEqualTo("Value 203.0.113.7");
        assertThat(started.notifications().get(0).tlp()).isEqualTo(Tlp.RED);
        assertThat(started.run().participants()).doesNotContain("regional-soc");
        assertThat(started.run().timeline()).anySatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo("recipient-skipped");
            assertThat(entry.recipient()).isEqualTo("regional-soc");
        });
    }

    @Test
    void anAcknowledgementByEveryoneBeforeTheDeadlineSkipsTheEscalation() {
        Run run = machine.start(RUN, version, correlation, "runs", 0, T0).run();
        for (String recipient : List.of("kz-cert", "tj-cert", "regional-soc")) {
            run = machine.onEvent(run, version, ack(run, recipient), T0.plusSeconds(1)).run();
        }
        RunMachine.Transition late = machine.onDeadline(run, version, "wait", T0.plusSeconds(3));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.escalated()).isFalse();
        assertThat(run.timeline()).extracting(Run.TimelineEntry::kind).contains("ack-complete", "step-skipped", "run-completed");
        assertThat(late.notifications()).isEmpty();
        assertThat(late.run().timeline()).isEqualTo(run.timeline());
    }

    @Test
    void aMissingAcknowledgementEscalatesAtTheDeadlineOnlyOnce() {
        Run run = machine.start(RUN, version, correlation, "runs", 0, T0).run();
        run = machine.onEvent(run, version, ack(run, "kz-cert"), T0.plusSeconds(1)).run();

        assertThat(machine.onDeadline(run, version, "wait", T0.plusSeconds(2)).notifications()).isEmpty();
        RunMachine.Transition escalated = machine.onDeadline(run, version, "wait", T0.plusSeconds(3));

        assertThat(escalated.notifications()).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo("kz-cert");
            assertThat(n.stepId()).isEqualTo("escalate");
            assertThat(n.ackRequired()).isFalse();
        });
        assertThat(escalated.publications()).singleElement().satisfies(p -> assertThat(p.tlp()).isEqualTo(Tlp.AMBER_STRICT));
        assertThat(escalated.run().escalated()).isTrue();
        assertThat(escalated.run().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(machine.onDeadline(escalated.run(), version, "wait", T0.plusSeconds(4)).notifications()).isEmpty();
    }

    @Test
    void anEscalationToTheUnacknowledgedGoesOnlyToWhoDidNotAcknowledge() {
        String yaml = PlaybookValidatorTests.VALID.replace("recipients: [kz-cert]", "recipients: [{to: unacknowledged, role: head}]");
        ReleasedVersion toTheSilent = new ReleasedVersion(PlaybookValidator.validate(yaml).playbook().orElseThrow(), yaml,
                Hashes.sha256(yaml), "test-playbook/v1.yaml", T0);
        Run run = machine.start(RUN, toTheSilent, correlation, "runs", 0, T0).run();
        run = machine.onEvent(run, toTheSilent, ack(run, "kz-cert"), T0.plusSeconds(1)).run();

        RunMachine.Transition escalated = machine.onDeadline(run, toTheSilent, "wait", T0.plusSeconds(3));

        assertThat(escalated.notifications()).extracting(NotificationRequested::recipient)
                .containsExactly("tj-cert", "regional-soc");
        assertThat(escalated.notifications()).allSatisfy(n -> {
            assertThat(n.stepId()).isEqualTo("escalate");
            assertThat(n.contactRole()).isEqualTo("head");
        });
    }

    @Test
    void aDuplicatedAcknowledgementOfOneNotificationIsOneAcknowledgement() {
        Run run = machine.start(RUN, version, correlation, "runs", 0, T0).run();
        NotificationEvent kz = ack(run, "kz-cert");
        run = machine.onEvent(run, version, kz, T0.plusSeconds(1)).run();

        RunMachine.Transition again = machine.onEvent(run, version, kz, T0.plusSeconds(2));

        assertThat(again.run()).isEqualTo(run);
        assertThat(again.notifications()).isEmpty();
        assertThat(again.run().timeline()).filteredOn(entry -> entry.kind().equals("acknowledged")).hasSize(1);
        assertThat(again.run().waiting().acknowledged()).containsExactly("kz-cert");
        Run acknowledgedByAll = again.run();
        for (String recipient : List.of("tj-cert", "regional-soc")) {
            acknowledgedByAll = machine.onEvent(acknowledgedByAll, version, ack(acknowledgedByAll, recipient), T0.plusSeconds(2)).run();
        }
        RunMachine.Transition afterTheRun = machine.onEvent(acknowledgedByAll, version, ack(acknowledgedByAll, "tj-cert"),
                T0.plusSeconds(3));
        assertThat(acknowledgedByAll.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(afterTheRun.run().timeline()).isEqualTo(acknowledgedByAll.timeline());
    }

    /** The acknowledgement of the notification the run sent to {@code recipient}, as the notify module publishes it. */
    private static NotificationEvent ack(Run run, String recipient) {
        String notificationId = run.timeline().stream()
                .filter(entry -> entry.kind().equals("notification-requested") && recipient.equals(entry.recipient()))
                .map(Run.TimelineEntry::notificationId).findFirst().orElseThrow();
        return new NotificationEvent(1, notificationId, run.runId(), "tell", recipient, NotificationEvent.Kind.ACKNOWLEDGED, null, 0,
                T0.plusSeconds(1), recipient);
    }
}
