package org.certhub.stix.internal;

import static org.certhub.stix.internal.Checks.STRING;
import static org.certhub.stix.internal.Checks.TIMESTAMP;

import java.util.List;

/** The STIX Relationship Objects (specification section 5). */
final class SroTypes {

    private SroTypes() {
    }

    static List<TypeSpec> all() {
        return List.of(
                TypeSpec.sro("relationship", Shape.builder()
                        .required("relationship_type", Checks.format("relationship-type-format",
                                Formats::isRelationshipType, "ASCII a-z, 0-9 and hyphens, like 'indicates'"))
                        .optional("description", STRING)
                        .required("source_ref", RefChecks.ref(RefTarget.SDO_OR_SCO))
                        .required("target_ref", RefChecks.ref(RefTarget.SDO_OR_SCO))
                        .optional("start_time", TIMESTAMP)
                        .optional("stop_time", TIMESTAMP)
                        .rule(TimeOrder.after("start_time", "stop_time"))),
                TypeSpec.sro("sighting", Shape.builder()
                        .optional("description", STRING)
                        .optional("first_seen", TIMESTAMP)
                        .optional("last_seen", TIMESTAMP)
                        .optional("count", Checks.integer(0, 999_999_999))
                        .required("sighting_of_ref", RefChecks.ref(RefTarget.SDO))
                        .optional("observed_data_refs", RefChecks.refs("observed-data"))
                        .optional("where_sighted_refs", RefChecks.refs("identity", "location"))
                        .optional("summary", Checks.BOOLEAN)
                        .rule(TimeOrder.notBefore("first_seen", "last_seen"))));
    }
}
