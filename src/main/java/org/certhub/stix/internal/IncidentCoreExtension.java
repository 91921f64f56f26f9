package org.certhub.stix.internal;

import static org.certhub.stix.internal.Checks.BOOLEAN;
import static org.certhub.stix.internal.Checks.STRING;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The Incident Core Extension 2.0 of the OASIS CTI TC (2023),
 * {@code extension-definition--ef765651-680c-498d-9894-99799f2fa126}, a property extension of incident.
 */
final class IncidentCoreExtension {

    private static final Vocab CONDITION = Vocab.closed("activity-condition-enum", "optional", "required",
            "unknown");
    private static final Vocab TRANSITION = Vocab.closed("activity-transition-enum", "completion", "failure",
            "success", "unknown");

    static final Shape SHAPE = Shape.builder()
            .required("extension_type", Extensions.propertyExtension())
            .required("determination", Checks.vocab(IncidentVocabularies.DETERMINATION))
            .required("investigation_status", Checks.vocab(IncidentVocabularies.INVESTIGATION_STATUS))
            .optional("criticality", Checks.integer(0, 100))
            .optional("detection_methods", Checks.vocabList(IncidentVocabularies.DETECTION_METHODS))
            .optional("events", sequence("event_ref", "event"))
            .optional("impact_refs", RefChecks.refs("impact"))
            .optional("impacted_entity_counts", IncidentCoreExtension::entityCounts)
            .optional("incident_types", Checks.vocabList(IncidentVocabularies.EVENT_TYPE))
            .optional("recoverability", Checks.vocab(IncidentVocabularies.RECOVERABILITY))
            .optional("scores", Checks.listOf(Checks.object(Shape.builder()
                    .required("name", STRING)
                    .required("value", Checks.number(-Double.MAX_VALUE, Double.MAX_VALUE))
                    .optional("description", STRING)
                    .build())))
            .optional("tasks", sequence("task_ref", "task"))
            .build();

    private IncidentCoreExtension() {
    }

    /**
     * events and tasks: entries referencing an event (task), with next_steps that MUST reference entries of
     * the same list.
     */
    private static Check sequence(String refName, String targetType) {
        Shape step = Shape.builder()
                .required(refName, RefChecks.ref(targetType))
                .required("condition_type", Checks.vocab(CONDITION))
                .required("transition_type", Checks.vocab(TRANSITION))
                .build();
        Shape entry = Shape.builder()
                .required(refName, RefChecks.ref(targetType))
                .optional("next_steps", Checks.listOf(Checks.object(step)))
                .optional("sequence_start", BOOLEAN)
                .build();
        Check entries = Checks.listOf(Checks.object(entry));
        return (value, pointer, out) -> {
            entries.check(value, pointer, out);
            if (value.isArray()) {
                nextStepsInList(value, refName, pointer, out);
            }
        };
    }

    private static void nextStepsInList(JsonNode entries, String refName, String pointer, Issues out) {
        Set<String> listed = new HashSet<>();
        for (JsonNode entry : entries) {
            listed.add(Checks.text(entry, refName));
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode steps = entries.get(i).path("next_steps");
            for (int j = 0; j < steps.size() && steps.isArray(); j++) {
                String target = Checks.text(steps.get(j), refName);
                if (!target.isEmpty() && !listed.contains(target)) {
                    out.error(Pointers.child(Pointers.index(Pointers.child(Pointers.index(pointer, i),
                            "next_steps"), j), refName), "sequence-ref",
                            "a next step must reference an entry of the same list");
                }
            }
        }
    }

    /** entity-count: entity type to a non-negative integer; keys should come from entity-type-ov. */
    private static void entityCounts(JsonNode value, String pointer, Issues out) {
        if (!Checks.isNonEmptyObject(value, pointer, out)) {
            return;
        }
        Check count = Checks.NON_NEGATIVE;
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String at = Pointers.child(pointer, entry.getKey());
            Dictionaries.checkKey(entry.getKey(), pointer, out);
            count.check(entry.getValue(), at, out);
            if (!IncidentVocabularies.ENTITY_TYPE.contains(entry.getKey())) {
                out.warn(at, "vocabulary", Texts.quote(entry.getKey()) + " is not in entity-type-ov");
            }
        }
    }
}
