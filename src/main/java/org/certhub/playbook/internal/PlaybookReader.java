package org.certhub.playbook.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

import org.certhub.playbook.internal.Playbook.Delivery;
import org.certhub.playbook.internal.Playbook.ExpectAck;
import org.certhub.playbook.internal.Playbook.Publish;
import org.certhub.playbook.internal.Playbook.Recipient;
import org.certhub.playbook.internal.Playbook.SetStatus;
import org.certhub.playbook.internal.Playbook.Step;
import org.certhub.stix.Tlp;

import tools.jackson.databind.JsonNode;

/**
 * Turns a schema-valid tree into a {@link Playbook} and checks what a schema cannot: unique step
 * ids, acknowledgements that wait on an earlier notify step, escalations right after an
 * acknowledgement, sane deadlines, known template variables, conditions that apply to the trigger.
 */
final class PlaybookReader {

    static final Duration LONGEST_DEADLINE = Duration.ofDays(30);
    private static final Set<String> INCIDENT_ONLY = Set.of("types", "min-severity", "sectors");

    private final YamlTree tree;
    private final List<PlaybookError> errors = new ArrayList<>();

    private PlaybookReader(YamlTree tree) {
        this.tree = tree;
    }

    /** The playbook, or the reasons it is not one ({@code errors} receives them). */
    static Optional<Playbook> read(YamlTree tree, List<PlaybookError> errors) {
        PlaybookReader reader = new PlaybookReader(tree);
        Playbook playbook = reader.playbook(tree.root());
        errors.addAll(reader.errors);
        return reader.errors.isEmpty() ? Optional.of(playbook) : Optional.empty();
    }

    private Playbook playbook(JsonNode root) {
        SubjectKind on = SubjectKind.fromJsonName(root.path("trigger").path("on").asString());
        Conditions when = conditions(root.path("trigger").path("when"), on);
        List<Step> steps = new ArrayList<>();
        JsonNode stepNodes = root.path("steps");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < stepNodes.size(); i++) {
            String pointer = "/steps/" + i;
            JsonNode node = stepNodes.get(i);
            Step step = step(node, pointer, steps);
            if (!ids.add(step.id())) {
                errors.add(tree.error(pointer + "/id", "step-id-unique", "another step is already called '" + step.id() + "'"));
            }
            steps.add(step);
        }
        return new Playbook(root.path("id").asString(), root.path("version").asInt(), root.path("title").asString(),
                root.path("description").asString(""), root.path("owner").asString(), new Playbook.Trigger(on, when), steps);
    }

    private Conditions conditions(JsonNode when, SubjectKind on) {
        if (when.isMissingNode()) {
            return Conditions.none();
        }
        if (on == SubjectKind.CORRELATION) {
            for (String field : INCIDENT_ONLY) {
                if (when.has(field)) {
                    errors.add(tree.error("/trigger/when/" + field, "condition-not-applicable",
                            "'" + field + "' is a property of incidents; a correlation has none"));
                }
            }
        }
        Set<Tlp> tlp = EnumSet.noneOf(Tlp.class);
        when.path("tlp").forEach(level -> tlp.add(tlp(level.asString())));
        return new Conditions(strings(when.path("types")),
                when.has("min-severity") ? Optional.of(Severity.fromJsonName(when.path("min-severity").asString())) : Optional.empty(),
                tlp, strings(when.path("sectors")), strings(when.path("countries")), integer(when.path("min-countries")),
                integer(when.path("min-certs")),
                when.has("min-score") ? OptionalDouble.of(when.path("min-score").asDouble()) : OptionalDouble.empty(),
                strings(when.path("observable-types")), strings(when.path("techniques")));
    }

    private Step step(JsonNode node, String pointer, List<Step> earlier) {
        String id = node.path("id").asString();
        return switch (node.path("type").asString()) {
            case "notify", "escalate" -> delivery(node, pointer, earlier);
            case "expect-ack" -> expectAck(node, pointer, earlier);
            case "publish" -> new Publish(id, node.path("collection").asString(), tlp(node.path("tlp").asString()));
            default -> new SetStatus(id, node.path("status").asString());
        };
    }

    private Delivery delivery(JsonNode node, String pointer, List<Step> earlier) {
        boolean escalation = node.path("type").asString().equals("escalate");
        if (escalation && (earlier.isEmpty() || !(earlier.get(earlier.size() - 1) instanceof ExpectAck
                || earlier.get(earlier.size() - 1) instanceof Delivery previous && previous.escalation()))) {
            errors.add(tree.error(pointer + "/type", "escalate-after-ack",
                    "an escalate step must directly follow an expect-ack step (or another escalate step)"));
        }
        List<Recipient> recipients = new ArrayList<>();
        JsonNode list = node.path("recipients");
        for (int i = 0; i < list.size(); i++) {
            JsonNode recipient = list.get(i);
            String to = recipient.isString() ? recipient.asString() : recipient.path("to").asString();
            if (!to.equals(Recipient.AFFECTED_CERTS) && !to.equals(Recipient.ALL_MEMBERS)
                    && !to.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                errors.add(tree.error(pointer + "/recipients/" + i, "recipient",
                        "must be 'affected-certs', 'all-members', 'unacknowledged' or a principal id such as 'kz-cert'"));
            } else if (to.equals(Recipient.UNACKNOWLEDGED) && !escalation) {
                errors.add(tree.error(pointer + "/recipients/" + i, "unacknowledged-in-escalation",
                        "'unacknowledged' (who did not acknowledge by the deadline) exists only in an escalate step"));
            }
            recipients.add(new Recipient(to, recipient.has("role") ? Optional.of(recipient.path("role").asString()) : Optional.empty()));
        }
        String subject = node.path("message").path("subject").asString();
        String text = node.path("message").path("text").asString();
        variables(subject, pointer + "/message/subject");
        variables(text, pointer + "/message/text");
        return new Delivery(node.path("id").asString(), escalation, recipients, strings(node.path("channels")), subject, text);
    }

    private void variables(String template, String pointer) {
        for (String unknown : MessageTemplate.unknownVariables(template)) {
            errors.add(tree.error(pointer, "template-variable", "'{{" + unknown + "}}' is not a message variable"));
        }
    }

    private ExpectAck expectAck(JsonNode node, String pointer, List<Step> earlier) {
        String from = node.path("from").asString();
        boolean notifies = earlier.stream().anyMatch(step -> step instanceof Delivery delivery && !delivery.escalation()
                && delivery.id().equals(from));
        if (!notifies) {
            errors.add(tree.error(pointer + "/from", "ack-unknown-step", "'" + from + "' is not an earlier notify step"));
        } else if (earlier.stream().anyMatch(step -> step instanceof ExpectAck ack && ack.from().equals(from))) {
            errors.add(tree.error(pointer + "/from", "ack-twice", "another expect-ack step already waits on '" + from + "'"));
        }
        Duration within = Duration.ZERO;
        try {
            within = Duration.parse(node.path("within").asString());
        } catch (DateTimeParseException e) {
            errors.add(tree.error(pointer + "/within", "duration", "is not an ISO-8601 duration such as PT4H"));
        }
        if (within.isZero() || within.isNegative() || within.compareTo(LONGEST_DEADLINE) > 0) {
            errors.add(tree.error(pointer + "/within", "duration-range", "must be more than zero and at most P30D"));
        }
        return new ExpectAck(node.path("id").asString(), from, !"any".equals(node.path("require").asString("all")), within);
    }

    static Tlp tlp(String label) {
        return Tlp.valueOf(label.replace('+', '_'));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static OptionalInt integer(JsonNode node) {
        return node.isMissingNode() ? OptionalInt.empty() : OptionalInt.of(node.asInt());
    }
}
