package org.certhub.stix.internal;

import tools.jackson.databind.JsonNode;

/** Validates one property value; reports problems instead of throwing. */
@FunctionalInterface
interface Check {

    /**
     * @param value   the value, never null (JSON null arrives as a NullNode)
     * @param pointer JSON Pointer of the value in the submitted document
     * @param out     where problems go
     */
    void check(JsonNode value, String pointer, Issues out);
}
