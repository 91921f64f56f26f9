package org.certhub.playbook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PlaybookValidatorTests {

    static final String VALID = """
            id: test-playbook
            version: 1
            title: Test
            owner: kz-cert
            trigger:
              on: correlation
              when:
                min-certs: 2
            steps:
              - id: tell
                type: notify
                recipients: [affected-certs, {to: regional-soc, role: duty-officer}]
                channels: [webhook]
                message:
                  subject: "Match {{subject.id}}"
                  text: "Value {{subject.value}}"
              - id: wait
                type: expect-ack
                from: tell
                within: PT3S
              - id: escalate
                type: escalate
                recipients: [kz-cert]
                channels: [email]
                message: {subject: "late", text: "late {{run.id}}"}
              - id: share
                type: publish
                collection: members
                tlp: AMBER+STRICT
            """;

    @Test
    void readsAValidPlaybook() {
        PlaybookValidator.Result result = PlaybookValidator.validate(VALID);
        assertThat(result.errors()).isEmpty();
        Playbook playbook = result.playbook().orElseThrow();
        assertThat(playbook.steps()).extracting(Playbook.Step::type)
                .containsExactly("notify", "expect-ack", "escalate", "publish");
        assertThat(((Playbook.ExpectAck) playbook.steps().get(1)).within()).isEqualTo(Duration.ofSeconds(3));
        assertThat(((Playbook.Delivery) playbook.steps().get(0)).recipients().get(1).role()).contains("duty-officer");
    }

    @Test
    void reportsAMissingFieldWithItsLineAndColumn() {
        PlaybookValidator.Result result = PlaybookValidator.validate(VALID.replace("    within: PT3S\n", ""));
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).anySatisfy(error -> {
            assertThat(error.pointer()).isEqualTo("/steps/1");
            assertThat(error.rule()).isEqualTo("schema-required");
            assertThat(error.message()).contains("within");
            assertThat(error.line()).isEqualTo(17);
            assertThat(error.column()).isEqualTo(5);
        });
    }

    @Test
    void reportsAnUnknownFieldAtTheField() {
        PlaybookValidator.Result result = PlaybookValidator.validate(VALID.replace("owner: kz-cert", "owner: kz-cert\nsla: 4h"));
        assertThat(result.errors()).anySatisfy(error -> {
            assertThat(error.pointer()).isEqualTo("/sla");
            assertThat(error.line()).isEqualTo(5);
        });
    }

    @Test
    void refusesAnAcknowledgementOfAStepThatDoesNotNotify() {
        PlaybookValidator.Result result = PlaybookValidator.validate(VALID.replace("from: tell", "from: share"));
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.rule()).isEqualTo("ack-unknown-step");
            assertThat(error.pointer()).isEqualTo("/steps/1/from");
            assertThat(error.line()).isEqualTo(19);
            assertThat(error.column()).isEqualTo(5);
        });
    }

    @Test
    void refusesAnEscalationThatFollowsNoAcknowledgement() {
        String reordered = VALID.replace("      - id: wait\n    type: expect-ack\n    from: tell\n    within: PT3S\n", "");
        PlaybookValidator.Result result = PlaybookValidator.validate(reordered.replace("  - id: wait\n    type: expect-ack\n    from: tell\n    within: PT3S\n", ""));
        assertThat(result.errors()).extracting(PlaybookError::rule).contains("escalate-after-ack");
    }

    @Test
    void acceptsUnacknowledgedRecipientsOnlyInAnEscalation() {
        assertThat(PlaybookValidator.validate(VALID.replace("recipients: [kz-cert]", "recipients: [unacknowledged]")).errors())
                .isEmpty();
        PlaybookValidator.Result result = PlaybookValidator.validate(VALID.replace("recipients: [affected-certs,",
                "recipients: [unacknowledged,"));
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.rule()).isEqualTo("unacknowledged-in-escalation");
            assertThat(error.pointer()).isEqualTo("/steps/0/recipients/0");
        });
    }

    @Test
    void refusesUnknownTemplateVariablesAndDeadlinesBeyondThirtyDays() {
        PlaybookValidator.Result result = PlaybookValidator.validate(VALID.replace("{{subject.value}}", "{{subject.secret}}")
                .replace("PT3S", "P90D"));
        assertThat(result.errors()).extracting(PlaybookError::rule).containsExactlyInAnyOrder("template-variable", "duration-range");
    }

    @Test
    void refusesIncidentConditionsOnACorrelationTrigger() {
        PlaybookValidator.Result result = PlaybookValidator.validate(VALID.replace("min-certs: 2", "sectors: [energy]"));
        assertThat(result.errors()).extracting(PlaybookError::rule).containsExactly("condition-not-applicable");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirPosition() {
        PlaybookValidator.Result result = PlaybookValidator.validate("id: x\nsteps: [a, b\nversion: 1\n");
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.rule()).isEqualTo("yaml-syntax");
            assertThat(error.line()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void refusesDuplicateKeys() {
        PlaybookValidator.Result result = PlaybookValidator.validate(VALID.replace("version: 1", "version: 1\nversion: 2"));
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.rule()).isEqualTo("yaml-duplicate-key");
            assertThat(error.line()).isEqualTo(3);
        });
    }

    @Test
    void refusesAnAliasBomb() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char previous = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(previous).append(", *").append(previous)
                    .append(", *").append(previous).append("]\n");
        }
        PlaybookValidator.Result result = PlaybookValidator.validate(bomb.toString());
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(PlaybookError::rule).first().asString().startsWith("yaml-");
    }

    @Test
    void refusesAnEmptyDocumentAndAList() {
        assertThat(PlaybookValidator.validate("").errors()).extracting(PlaybookError::rule).containsExactly("yaml-syntax");
        assertThat(PlaybookValidator.validate("- a\n- b\n").errors()).extracting(PlaybookError::rule).containsExactly("schema-type");
    }
}
