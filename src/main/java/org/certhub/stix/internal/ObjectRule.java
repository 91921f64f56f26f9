package org.certhub.stix.internal;

import tools.jackson.databind.JsonNode;

/** A rule over a whole JSON object, for constraints that involve several properties. */
@FunctionalInterface
interface ObjectRule {

    /**
     * @param object  a JSON object node
     * @param pointer JSON Pointer of the object in the submitted document
     * @param out     where problems go
     */
    void check(JsonNode object, String pointer, Issues out);
}
