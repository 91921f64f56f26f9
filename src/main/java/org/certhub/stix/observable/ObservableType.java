package org.certhub.stix.observable;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of comparable value the hub extracts. {@link #id()} names the type in the API and in
 * correlation keys ({@code ipv4:203.0.113.7}); {@link #indexField()} is the field of an object
 * document's {@code observables} that holds it.
 */
public enum ObservableType {
    IPV4("ipv4", "ipv4"),
    IPV6("ipv6", "ipv6"),
    /** An IPv4 or IPv6 network, host bits cleared. */
    CIDR("cidr", "cidr"),
    DOMAIN("domain", "domain"),
    URL("url", "url"),
    EMAIL("email", "email"),
    MD5("md5", "md5"),
    SHA1("sha1", "sha1"),
    SHA256("sha256", "sha256"),
    SHA512("sha512", "sha512"),
    /** An autonomous system number, digits only. */
    ASN("asn", "values"),
    MAC("mac", "values"),
    /** A MITRE ATT&CK technique id from an attack-pattern's external references ({@code T1486}). */
    ATTACK_TECHNIQUE("attack-technique", "attack_technique"),
    CVE("cve", "cve"),
    /** A malware name or alias, normalised ({@link Normalization#name}). */
    MALWARE("malware", "values"),
    /** A threat actor or intrusion set name or alias, normalised. */
    THREAT_ACTOR("threat-actor", "values"),
    /** Any other value an indicator pattern compares a {@code value} property with. */
    OTHER("other", "values");

    private final String id;
    private final String indexField;

    ObservableType(String id, String indexField) {
        this.id = id;
        this.indexField = indexField;
    }

    /** The API name of the type, e.g. {@code attack-technique}. */
    public String id() {
        return id;
    }

    /** The object document field ({@code observables.<field>}) the value is indexed in. */
    public String indexField() {
        return indexField;
    }

    /** The type with this API name, if any. */
    public static Optional<ObservableType> fromId(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
    }
}
