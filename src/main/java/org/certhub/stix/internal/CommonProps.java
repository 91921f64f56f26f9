package org.certhub.stix.internal;

import tools.jackson.databind.JsonNode;

/** The common properties of each kind of STIX object (specification section 3.2). */
final class CommonProps {

    /** type, id and spec_version are checked by {@link ObjectValidator}, with messages of their own. */
    private static final Shape IDENTITY = Shape.builder()
            .optional("type", Checks.ANY)
            .optional("id", Checks.ANY)
            .optional("spec_version", Checks.ANY)
            .optional("object_marking_refs", RefChecks.refs("marking-definition"))
            .optional("granular_markings", Checks.ANY)
            .optional("extensions", Checks.ANY)
            .build();

    /** SDOs, SROs, language-content and extension-definition. */
    static final Shape CORE = Shape.builder()
            .include(IDENTITY)
            .optional("created_by_ref", RefChecks.ref("identity"))
            .required("created", Checks.TIMESTAMP_MILLIS)
            .required("modified", Checks.TIMESTAMP_MILLIS)
            .optional("revoked", Checks.BOOLEAN)
            .optional("labels", Checks.STRING_LIST)
            .optional("confidence", Checks.integer(0, 100))
            .optional("lang", Checks.LANGUAGE)
            .optional("external_references", EmbeddedShapes.EXTERNAL_REFERENCES)
            .rule(CommonProps::modifiedNotBeforeCreated)
            .build();

    static final Shape SCO = Shape.builder()
            .include(IDENTITY)
            .optional("defanged", Checks.BOOLEAN)
            .build();

    /** Marking definitions are never versioned: no modified, revoked, labels, confidence or lang. */
    static final Shape MARKING = Shape.builder()
            .include(IDENTITY)
            .optional("created_by_ref", RefChecks.ref("identity"))
            .required("created", Checks.TIMESTAMP)
            .optional("external_references", EmbeddedShapes.EXTERNAL_REFERENCES)
            .build();

    private CommonProps() {
    }

    static Shape forKind(Kind kind) {
        return kind == Kind.SCO ? SCO : CORE;
    }

    private static void modifiedNotBeforeCreated(JsonNode object, String pointer, Issues out) {
        TimeOrder.notBefore(object, "created", "modified", pointer, "modified-before-created", out);
    }
}
