package org.certhub.stix.internal;

import static org.certhub.stix.internal.Checks.BOOLEAN;
import static org.certhub.stix.internal.Checks.DICTIONARY;
import static org.certhub.stix.internal.Checks.HEX;
import static org.certhub.stix.internal.Checks.NON_NEGATIVE;
import static org.certhub.stix.internal.Checks.STRING;

import java.util.Map;

/** The predefined SCO extensions (specification section 6), by host type and extension name. */
final class ScoExtensions {

    private static final Map<String, Map<String, Shape>> BY_TYPE = Map.of(
            "file", Map.of(
                    "archive-ext", Shape.builder()
                            .required("contains_refs", RefChecks.refs("file", "directory"))
                            .optional("comment", STRING).build(),
                    "ntfs-ext", atLeastOne(Shape.builder()
                            .optional("sid", STRING)
                            .optional("alternate_data_streams", Checks.listOf(Checks.object(Shape.builder()
                                    .required("name", STRING)
                                    .optional("hashes", Hashes.HASHES)
                                    .optional("size", NON_NEGATIVE).build()))), "sid", "alternate_data_streams"),
                    "pdf-ext", atLeastOne(Shape.builder()
                            .optional("version", STRING)
                            .optional("is_optimized", BOOLEAN)
                            .optional("document_info_dict", DICTIONARY)
                            .optional("pdfid0", STRING)
                            .optional("pdfid1", STRING),
                            "version", "is_optimized", "document_info_dict", "pdfid0", "pdfid1"),
                    "raster-image-ext", atLeastOne(Shape.builder()
                            .optional("image_height", NON_NEGATIVE)
                            .optional("image_width", NON_NEGATIVE)
                            .optional("bits_per_pixel", NON_NEGATIVE)
                            .optional("exif_tags", DICTIONARY),
                            "image_height", "image_width", "bits_per_pixel", "exif_tags"),
                    "windows-pebinary-ext", PeBinary.SHAPE),
            "network-traffic", Map.of(
                    "http-request-ext", Shape.builder()
                            .required("request_method", STRING)
                            .required("request_value", STRING)
                            .optional("request_version", STRING)
                            .optional("request_header", DICTIONARY)
                            .optional("message_body_length", NON_NEGATIVE)
                            .optional("message_body_data_ref", RefChecks.ref("artifact")).build(),
                    "icmp-ext", Shape.builder()
                            .required("icmp_type_hex", HEX)
                            .required("icmp_code_hex", HEX).build(),
                    "socket-ext", Shape.builder()
                            .required("address_family", Checks.vocab(Enums.NETWORK_SOCKET_ADDRESS_FAMILY))
                            .optional("is_blocking", BOOLEAN)
                            .optional("is_listening", BOOLEAN)
                            .optional("options", DICTIONARY)
                            .optional("socket_type", Checks.vocab(Enums.NETWORK_SOCKET_TYPE))
                            .optional("socket_descriptor", NON_NEGATIVE)
                            .optional("socket_handle", Checks.INTEGER).build(),
                    "tcp-ext", atLeastOne(Shape.builder()
                            .optional("src_flags_hex", HEX)
                            .optional("dst_flags_hex", HEX), "src_flags_hex", "dst_flags_hex")),
            "process", Map.of(
                    "windows-process-ext", atLeastOne(Shape.builder()
                            .optional("aslr_enabled", BOOLEAN)
                            .optional("dep_enabled", BOOLEAN)
                            .optional("priority", STRING)
                            .optional("owner_sid", STRING)
                            .optional("window_title", STRING)
                            .optional("startup_info", DICTIONARY)
                            .optional("integrity_level", Checks.vocab(Enums.WINDOWS_INTEGRITY_LEVEL)),
                            "aslr_enabled", "dep_enabled", "priority", "owner_sid", "window_title", "startup_info",
                            "integrity_level"),
                    "windows-service-ext", atLeastOne(Shape.builder()
                            .optional("service_name", STRING)
                            .optional("descriptions", Checks.STRING_LIST)
                            .optional("display_name", STRING)
                            .optional("group_name", STRING)
                            .optional("start_type", Checks.vocab(Enums.WINDOWS_SERVICE_START_TYPE))
                            .optional("service_dll_refs", RefChecks.refs("file"))
                            .optional("service_type", Checks.vocab(Enums.WINDOWS_SERVICE_TYPE))
                            .optional("service_status", Checks.vocab(Enums.WINDOWS_SERVICE_STATUS)),
                            "service_name", "descriptions", "display_name", "group_name", "start_type",
                            "service_dll_refs", "service_type", "service_status")),
            "user-account", Map.of(
                    "unix-account-ext", atLeastOne(Shape.builder()
                            .optional("gid", Checks.INTEGER)
                            .optional("groups", Checks.STRING_LIST)
                            .optional("home_dir", STRING)
                            .optional("shell", STRING), "gid", "groups", "home_dir", "shell")));

    private ScoExtensions() {
    }

    /** @return the shapes of the predefined extensions of {@code type}; empty when it has none */
    static Map<String, Shape> of(String type) {
        return BY_TYPE.getOrDefault(type, Map.of());
    }

    /** @return true when {@code name} is a predefined extension of any type */
    static boolean isPredefined(String name) {
        for (Map<String, Shape> extensions : BY_TYPE.values()) {
            if (extensions.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    private static Shape atLeastOne(Shape.Builder builder, String... names) {
        return builder.rule(PropertyRules.atLeastOne(names)).build();
    }
}
