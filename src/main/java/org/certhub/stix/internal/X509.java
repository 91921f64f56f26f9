package org.certhub.stix.internal;

import static org.certhub.stix.internal.Checks.STRING;
import static org.certhub.stix.internal.Checks.TIMESTAMP;

/** The x509-certificate SCO and its embedded x509-v3-extensions type. */
final class X509 {

    private static final String[] V3_STRINGS = {
        "basic_constraints", "name_constraints", "policy_constraints", "key_usage", "extended_key_usage",
        "subject_key_identifier", "authority_key_identifier", "subject_alternative_name",
        "issuer_alternative_name", "subject_directory_attributes", "crl_distribution_points",
        "inhibit_any_policy", "certificate_policies", "policy_mappings"
    };

    private X509() {
    }

    static Shape.Builder shape() {
        return Shape.builder()
                .optional("is_self_signed", Checks.BOOLEAN)
                .optional("hashes", Hashes.HASHES)
                .optional("version", STRING)
                .optional("serial_number", STRING)
                .optional("signature_algorithm", STRING)
                .optional("issuer", STRING)
                .optional("validity_not_before", TIMESTAMP)
                .optional("validity_not_after", TIMESTAMP)
                .optional("subject", STRING)
                .optional("subject_public_key_algorithm", STRING)
                .optional("subject_public_key_modulus", STRING)
                .optional("subject_public_key_exponent", Checks.NON_NEGATIVE)
                .optional("x509_v3_extensions", Checks.object(v3Extensions()));
    }

    private static Shape v3Extensions() {
        Shape.Builder builder = Shape.builder()
                .optional("private_key_usage_period_not_before", TIMESTAMP)
                .optional("private_key_usage_period_not_after", TIMESTAMP);
        for (String name : V3_STRINGS) {
            builder.optional(name, STRING);
        }
        return builder.build();
    }
}
