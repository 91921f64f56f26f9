package org.certhub.stix.internal;

import static org.certhub.stix.internal.Checks.BOOLEAN;
import static org.certhub.stix.internal.Checks.NON_NEGATIVE;
import static org.certhub.stix.internal.Checks.STRING;
import static org.certhub.stix.internal.Checks.STRING_LIST;
import static org.certhub.stix.internal.Checks.TIMESTAMP;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Network and messaging Cyber-observable Objects (specification section 6). */
final class NetworkScoTypes {

    private static final Shape MIME_PART = Shape.builder()
            .optional("body", STRING)
            .optional("body_raw_ref", RefChecks.ref("artifact", "file"))
            .optional("content_type", STRING)
            .optional("content_disposition", STRING)
            .rule(PropertyRules.exactlyOne("body", "body_raw_ref"))
            .build();

    private NetworkScoTypes() {
    }

    static List<TypeSpec> all() {
        Check ipv4 = Checks.format("ip-format", Formats::isIpv4, "an IPv4 address or CIDR block");
        Check ipv6 = Checks.format("ip-format", Ipv6::isValid, "an IPv6 address or CIDR block");
        return List.of(
                TypeSpec.sco("autonomous-system", Shape.builder()
                        .required("number", Checks.integer(0, 4_294_967_295L))
                        .optional("name", STRING)
                        .optional("rir", STRING)),
                TypeSpec.sco("domain-name", Shape.builder()
                        .required("value", Checks.format("domain-format", Formats::isDomainName,
                                "a domain name (dot-separated labels of 1 to 63 characters, no spaces)"))
                        .optional("resolves_to_refs", RefChecks.refs("ipv4-addr", "ipv6-addr", "domain-name"))),
                TypeSpec.sco("email-addr", Shape.builder()
                        .required("value", Checks.format("email-format", Formats::isEmail,
                                "an email address (RFC 5322 addr-spec)"))
                        .optional("display_name", STRING)
                        .optional("belongs_to_ref", RefChecks.ref("user-account"))),
                TypeSpec.sco("email-message", emailMessage()),
                TypeSpec.sco("ipv4-addr", Shape.builder()
                        .required("value", ipv4)
                        .optional("resolves_to_refs", RefChecks.refs("mac-addr"))
                        .optional("belongs_to_refs", RefChecks.refs("autonomous-system"))),
                TypeSpec.sco("ipv6-addr", Shape.builder()
                        .required("value", ipv6)
                        .optional("resolves_to_refs", RefChecks.refs("mac-addr"))
                        .optional("belongs_to_refs", RefChecks.refs("autonomous-system"))),
                TypeSpec.sco("mac-addr", Shape.builder()
                        .required("value", Checks.format("mac-format", Formats::isMac,
                                "a lowercase, colon-separated MAC-48 address like 00:1a:2b:3c:4d:5e"))),
                TypeSpec.sco("network-traffic", networkTraffic()),
                TypeSpec.sco("url", Shape.builder().required("value", Checks.URL)));
    }

    private static Shape.Builder emailMessage() {
        Check addresses = RefChecks.refs("email-addr");
        return Shape.builder()
                .required("is_multipart", BOOLEAN)
                .optional("date", TIMESTAMP)
                .optional("content_type", STRING)
                .optional("from_ref", RefChecks.ref("email-addr"))
                .optional("sender_ref", RefChecks.ref("email-addr"))
                .optional("to_refs", addresses)
                .optional("cc_refs", addresses)
                .optional("bcc_refs", addresses)
                .optional("message_id", STRING)
                .optional("subject", STRING)
                .optional("received_lines", STRING_LIST)
                .optional("additional_header_fields", Checks.DICTIONARY)
                .optional("body", STRING)
                .optional("body_multipart", Checks.listOf(Checks.object(MIME_PART)))
                .optional("raw_email_ref", RefChecks.ref("artifact"))
                .rule(NetworkScoTypes::bodyMatchesMultipart);
    }

    /** body only when is_multipart is false, body_multipart only when it is true. */
    private static void bodyMatchesMultipart(JsonNode message, String pointer, Issues out) {
        JsonNode multipart = message.path("is_multipart");
        if (!multipart.isBoolean()) {
            return;
        }
        String forbidden = multipart.booleanValue() ? "body" : "body_multipart";
        if (message.has(forbidden)) {
            out.error(Pointers.child(pointer, forbidden), "property-dependency",
                    "'" + forbidden + "' must not be present when is_multipart is " + multipart.booleanValue());
        }
    }

    private static Shape.Builder networkTraffic() {
        Check endpoint = RefChecks.ref("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name");
        Check port = Checks.integer(0, 65535);
        return Shape.builder()
                .optional("start", TIMESTAMP)
                .optional("end", TIMESTAMP)
                .optional("is_active", BOOLEAN)
                .optional("src_ref", endpoint)
                .optional("dst_ref", endpoint)
                .optional("src_port", port)
                .optional("dst_port", port)
                .required("protocols", STRING_LIST)
                .optional("src_byte_count", NON_NEGATIVE)
                .optional("dst_byte_count", NON_NEGATIVE)
                .optional("src_packets", NON_NEGATIVE)
                .optional("dst_packets", NON_NEGATIVE)
                .optional("ipfix", Checks.DICTIONARY)
                .optional("src_payload_ref", RefChecks.ref("artifact"))
                .optional("dst_payload_ref", RefChecks.ref("artifact"))
                .optional("encapsulates_refs", RefChecks.refs("network-traffic"))
                .optional("encapsulated_by_ref", RefChecks.ref("network-traffic"))
                .rule(PropertyRules.atLeastOne("src_ref", "dst_ref"))
                .rule(TimeOrder.notBefore("start", "end"))
                .rule(NetworkScoTypes::activeHasNoEnd);
    }

    /** Ongoing traffic (is_active true) has no end yet. */
    private static void activeHasNoEnd(JsonNode traffic, String pointer, Issues out) {
        JsonNode active = traffic.path("is_active");
        if (active.isBoolean() && active.booleanValue() && traffic.has("end")) {
            out.error(Pointers.child(pointer, "end"), "property-dependency",
                    "'end' must not be present when is_active is true");
        }
    }
}
