package org.certhub.tenancy.kafka;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.certhub.tenancy.Contacts;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.keys.StoredKey;

/**
 * The value of a principal's record on the tenancy topic: the principal, the hashes of its valid
 * keys (a key not listed is revoked) and its contacts.
 *
 * @param schema the record's schema version, {@link #SCHEMA} when written by this code
 * @param principal the principal
 * @param keys its valid keys, hashed
 * @param contacts how it is reached; none in records written before contacts existed
 */
public record StoredPrincipal(int schema, Principal principal, List<StoredKey> keys, Contacts contacts) {

    public static final int SCHEMA = 1;

    public StoredPrincipal {
        Objects.requireNonNull(principal, "principal");
        keys = List.copyOf(keys);
        contacts = contacts == null ? Contacts.none() : contacts;
    }

    public StoredPrincipal(Principal principal, List<StoredKey> keys) {
        this(SCHEMA, principal, keys, Contacts.none());
    }

    /** The same record with other keys. */
    public StoredPrincipal withKeys(List<StoredKey> newKeys) {
        return new StoredPrincipal(SCHEMA, principal, newKeys, contacts);
    }

    /** The same record with other contacts. */
    public StoredPrincipal withContacts(Contacts newContacts) {
        return new StoredPrincipal(SCHEMA, principal, keys, newContacts);
    }

    /** The principal id, the record's key. */
    public String id() {
        return principal.id();
    }

    /** The valid key with this id, if any. */
    public Optional<StoredKey> key(String keyId) {
        return keys.stream().filter(key -> key.keyId().equals(keyId)).findFirst();
    }
}
