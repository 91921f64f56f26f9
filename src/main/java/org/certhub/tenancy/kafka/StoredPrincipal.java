package org.certhub.tenancy.kafka;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.certhub.tenancy.Principal;
import org.certhub.tenancy.keys.StoredKey;

/**
 * The value of a principal's record on the tenancy topic: the principal, the hashes of its
 * valid keys (a key not listed is revoked) and the accounts of the people who sign in for it.
 *
 * @param schema the record's schema version, {@link #SCHEMA} when written by this code
 * @param principal the principal
 * @param keys its valid keys, hashed
 * @param users the people who sign in to the console for it (absent in records written before them)
 */
public record StoredPrincipal(int schema, Principal principal, List<StoredKey> keys, List<StoredUser> users) {

    public static final int SCHEMA = 1;

    public StoredPrincipal {
        Objects.requireNonNull(principal, "principal");
        keys = List.copyOf(keys);
        users = users == null ? List.of() : List.copyOf(users);
    }

    public StoredPrincipal(Principal principal, List<StoredKey> keys) {
        this(SCHEMA, principal, keys, List.of());
    }

    public StoredPrincipal(Principal principal, List<StoredKey> keys, List<StoredUser> users) {
        this(SCHEMA, principal, keys, users);
    }

    /** The principal id, the record's key. */
    public String id() {
        return principal.id();
    }

    /** The valid key with this id, if any. */
    public Optional<StoredKey> key(String keyId) {
        return keys.stream().filter(key -> key.keyId().equals(keyId)).findFirst();
    }

    /** The account with this username, if any. */
    public Optional<StoredUser> user(String username) {
        return users.stream().filter(user -> user.username().equals(username)).findFirst();
    }
}
