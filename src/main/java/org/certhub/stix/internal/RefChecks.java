package org.certhub.stix.internal;

import tools.jackson.databind.JsonNode;

/** Checks for {@code *_ref} and {@code *_refs} properties: identifiers, optionally of fixed target types. */
final class RefChecks {

    static final Check ANY_REF = ref(RefTarget.ANY);
    static final Check ANY_REFS = refs(RefTarget.ANY);

    private RefChecks() {
    }

    static Check ref(RefTarget target) {
        return (value, pointer, out) -> checkRef(value, pointer, target, out);
    }

    static Check ref(String... types) {
        return ref(RefTarget.types(types));
    }

    static Check refs(RefTarget target) {
        return Checks.listOf(ref(target));
    }

    static Check refs(String... types) {
        return refs(RefTarget.types(types));
    }

    /** @return true when the value is a valid identifier of an allowed type */
    static boolean checkRef(JsonNode value, String pointer, RefTarget target, Issues out) {
        if (!Checks.isString(value, pointer, out)) {
            return false;
        }
        String id = value.stringValue();
        if (!Ids.isValid(id)) {
            out.error(pointer, "identifier-format", "must be a STIX identifier <type>--<RFC 4122 UUID>, not "
                    + Texts.quote(id));
            return false;
        }
        String type = Ids.typeOf(id);
        if (!target.accepts().test(type)) {
            out.error(pointer, "ref-target-type", "must reference " + target.description() + "; type "
                    + Texts.quote(type) + " is not allowed here");
            return false;
        }
        return true;
    }
}
