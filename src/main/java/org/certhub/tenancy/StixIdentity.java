package org.certhub.tenancy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The STIX 2.1 {@code identity} object of a principal: the organisation its objects are created by.
 * Its id is derived from the principal id alone, so every hub instance, before and after a restart,
 * names the same CERT the same way.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StixIdentity(
        String type,
        @JsonProperty("spec_version") String specVersion,
        String id,
        String created,
        String modified,
        String name,
        @JsonProperty("identity_class") String identityClass,
        List<String> sectors,
        @JsonProperty("x_certhub_country") Optional<String> country) {

    /** The namespace of certhub's identity ids (UUIDv5); never change it, ids would change with it. */
    static final UUID NAMESPACE = UUID.fromString("5de2c612-8c8b-4da5-ab48-774ed178f686");

    private static final DateTimeFormatter STIX_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The identity of a principal; CERTs are in the government sector. */
    public static StixIdentity of(Principal principal) {
        String timestamp = STIX_TIMESTAMP.format(principal.created().truncatedTo(ChronoUnit.MILLIS));
        List<String> sectors = principal.kind() == PrincipalKind.CERT ? List.of("government") : List.of();
        return new StixIdentity("identity", "2.1", principal.identityId(), timestamp, timestamp, principal.name(),
                "organization", sectors, principal.country());
    }

    /** {@code identity--<UUIDv5 of the principal id under certhub's namespace>}. */
    public static String idFor(String principalId) {
        return "identity--" + uuidV5(NAMESPACE, principalId);
    }

    /** RFC 9562 name-based UUID, SHA-1 (version 5): the JDK only has the MD5 one (version 3). */
    static UUID uuidV5(UUID namespace, String name) {
        byte[] hash = sha1(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array(), name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong());
    }

    private static byte[] sha1(byte[] namespace, byte[] name) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            digest.update(namespace);
            digest.update(name);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-1", e);
        }
    }
}
