package org.certhub.stix.internal;

import static org.certhub.stix.internal.Checks.BOOLEAN;
import static org.certhub.stix.internal.Checks.STRING;
import static org.certhub.stix.internal.Checks.TIMESTAMP;

import java.util.List;
import java.util.Locale;

/** Host and content Cyber-observable Objects (specification section 6). */
final class HostScoTypes {

    private static final Shape REGISTRY_VALUE = Shape.builder()
            .optional("name", STRING)
            .optional("data", STRING)
            .optional("data_type", Checks.vocab(Enums.WINDOWS_REGISTRY_DATATYPE))
            .rule(PropertyRules.atLeastOne("name", "data", "data_type"))
            .build();

    /** Abbreviated hive names that registry keys MUST NOT use (the full hive name is required). */
    private static final List<String> HIVE_ABBREVIATIONS = List.of("hklm", "hkcc", "hkcr", "hkcu", "hku");

    private HostScoTypes() {
    }

    static List<TypeSpec> all() {
        return List.of(
                TypeSpec.sco("artifact", Shape.builder()
                        .optional("mime_type", STRING)
                        .optional("payload_bin", Checks.BINARY)
                        .optional("url", Checks.URL)
                        .optional("hashes", Hashes.HASHES)
                        .optional("encryption_algorithm", Checks.vocab(Enums.ENCRYPTION_ALGORITHM))
                        .optional("decryption_key", STRING)
                        .rule(PropertyRules.exactlyOne("payload_bin", "url"))
                        .rule(PropertyRules.requires("url", "hashes"))
                        .rule(PropertyRules.requires("decryption_key", "encryption_algorithm"))),
                TypeSpec.sco("directory", Shape.builder()
                        .required("path", STRING)
                        .optional("path_enc", STRING)
                        .optional("ctime", TIMESTAMP)
                        .optional("mtime", TIMESTAMP)
                        .optional("atime", TIMESTAMP)
                        .optional("contains_refs", RefChecks.refs("file", "directory"))),
                TypeSpec.sco("file", Shape.builder()
                        .optional("hashes", Hashes.HASHES)
                        .optional("size", Checks.NON_NEGATIVE)
                        .optional("name", STRING)
                        .optional("name_enc", STRING)
                        .optional("magic_number_hex", Checks.HEX)
                        .optional("mime_type", STRING)
                        .optional("ctime", TIMESTAMP)
                        .optional("mtime", TIMESTAMP)
                        .optional("atime", TIMESTAMP)
                        .optional("parent_directory_ref", RefChecks.ref("directory"))
                        .optional("contains_refs", RefChecks.refs(RefTarget.SCO))
                        .optional("content_ref", RefChecks.ref("artifact"))
                        .rule(PropertyRules.atLeastOne("hashes", "name"))),
                TypeSpec.sco("mutex", Shape.builder().required("name", STRING)),
                TypeSpec.sco("process", atLeastOneOwn(Shape.builder()
                        .optional("is_hidden", BOOLEAN)
                        .optional("pid", Checks.INTEGER)
                        .optional("created_time", TIMESTAMP)
                        .optional("cwd", STRING)
                        .optional("command_line", STRING)
                        .optional("environment_variables", Checks.DICTIONARY)
                        .optional("opened_connection_refs", RefChecks.refs("network-traffic"))
                        .optional("creator_user_ref", RefChecks.ref("user-account"))
                        .optional("image_ref", RefChecks.ref("file"))
                        .optional("parent_ref", RefChecks.ref("process"))
                        .optional("child_refs", RefChecks.refs("process")))),
                TypeSpec.sco("software", Shape.builder()
                        .required("name", STRING)
                        .optional("cpe", STRING)
                        .optional("swid", STRING)
                        .optional("languages", Checks.STRING_LIST)
                        .optional("vendor", STRING)
                        .optional("version", STRING)),
                TypeSpec.sco("user-account", atLeastOneOwn(userAccount())),
                TypeSpec.sco("windows-registry-key", atLeastOneOwn(Shape.builder()
                        .optional("key", Checks.format("registry-key-format", HostScoTypes::isFullHiveKey,
                                "a registry key with its full hive name, like HKEY_LOCAL_MACHINE\\SOFTWARE"))
                        .optional("values", Checks.listOf(Checks.object(REGISTRY_VALUE)))
                        .optional("modified_time", TIMESTAMP)
                        .optional("creator_user_ref", RefChecks.ref("user-account"))
                        .optional("number_of_subkeys", Checks.NON_NEGATIVE))),
                TypeSpec.sco("x509-certificate", atLeastOneOwn(X509.shape())));
    }

    private static Shape.Builder userAccount() {
        return Shape.builder()
                .optional("user_id", STRING)
                .optional("credential", STRING)
                .optional("account_login", STRING)
                .optional("account_type", Checks.vocab(Vocabularies.ACCOUNT_TYPE))
                .optional("display_name", STRING)
                .optional("is_service_account", BOOLEAN)
                .optional("is_privileged", BOOLEAN)
                .optional("can_escalate_privs", BOOLEAN)
                .optional("is_disabled", BOOLEAN)
                .optional("account_created", TIMESTAMP)
                .optional("account_expires", TIMESTAMP)
                .optional("credential_last_changed", TIMESTAMP)
                .optional("account_first_login", TIMESTAMP)
                .optional("account_last_login", TIMESTAMP);
    }

    /**
     * Process, user-account, windows-registry-key and x509-certificate have no required property, but
     * MUST carry at least one of their own (or an extension).
     */
    private static Shape.Builder atLeastOneOwn(Shape.Builder specific) {
        Shape shape = specific.build();
        String[] own = shape.props().keySet().stream().sorted().toArray(String[]::new);
        return Shape.builder().include(shape).rule((object, pointer, out) -> {
            if (object.has("extensions")) {
                return;
            }
            for (String name : own) {
                if (object.has(name)) {
                    return;
                }
            }
            out.error(pointer, "at-least-one-property", "this object needs at least one of its own properties: "
                    + String.join(", ", own));
        });
    }

    private static boolean isFullHiveKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String abbreviation : HIVE_ABBREVIATIONS) {
            if (lower.startsWith(abbreviation) && (lower.length() == abbreviation.length()
                    || lower.charAt(abbreviation.length()) == '\\')) {
                return false;
            }
        }
        return true;
    }
}
