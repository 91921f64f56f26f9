package org.certhub.stix.internal;

import tools.jackson.databind.JsonNode;

/** Shapes of the embedded (non top-level) STIX types shared by many objects. */
final class EmbeddedShapes {

    static final Shape KILL_CHAIN_PHASE = Shape.builder()
            .required("kill_chain_name", Checks.STRING)
            .required("phase_name", Checks.STRING)
            .build();

    static final Shape EXTERNAL_REFERENCE = Shape.builder()
            .required("source_name", Checks.STRING)
            .optional("description", Checks.STRING)
            .optional("url", Checks.URL)
            .optional("hashes", Hashes.HASHES)
            .optional("external_id", Checks.STRING)
            .rule(EmbeddedShapes::externalReference)
            .build();

    static final Check KILL_CHAIN_PHASES = Checks.listOf(Checks.object(KILL_CHAIN_PHASE));

    static final Check EXTERNAL_REFERENCES = Checks.listOf(Checks.object(EXTERNAL_REFERENCE));

    private EmbeddedShapes() {
    }

    /**
     * Besides source_name, at least one of description, url, external_id MUST be present; CVE and CAPEC
     * references MUST carry their identifier in the registry's format.
     */
    private static void externalReference(JsonNode reference, String pointer, Issues out) {
        String source = Checks.text(reference, "source_name");
        JsonNode externalId = reference.path("external_id");
        if (source.equals("cve") || source.equals("capec")) {
            if (externalId.isMissingNode()) {
                out.error(Pointers.child(pointer, "external_id"), "required-property",
                        "'external_id' is required when source_name is '" + source + "'");
            } else if (externalId.isString()
                    && !(source.equals("cve") ? isCve(externalId.stringValue()) : isCapec(externalId.stringValue()))) {
                out.error(Pointers.child(pointer, "external_id"), "external-id-format", "must be a "
                        + (source.equals("cve") ? "CVE id like CVE-2021-44228" : "CAPEC id like CAPEC-163")
                        + ", not " + Texts.quote(externalId.stringValue()));
            }
        } else if (!reference.has("description") && !reference.has("url") && externalId.isMissingNode()) {
            out.error(pointer, "at-least-one-property",
                    "an external reference needs at least one of description, url, external_id");
        }
    }

    /** {@code CVE-YYYY-NNNN...}: four or more digits, no leading zero beyond four digits. */
    static boolean isCve(String id) {
        if (id.length() < 13 || !id.startsWith("CVE-") || id.charAt(8) != '-'
                || !allDigits(id, 4, 8) || !allDigits(id, 9, id.length())) {
            return false;
        }
        return id.length() == 13 || id.charAt(9) != '0';
    }

    static boolean isCapec(String id) {
        return id.length() > 6 && id.startsWith("CAPEC-") && allDigits(id, 6, id.length());
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
