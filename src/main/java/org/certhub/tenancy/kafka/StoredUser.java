package org.certhub.tenancy.kafka;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.certhub.tenancy.Role;

/**
 * A person's account as the tenancy topic keeps it, inside its principal's record.
 *
 * @param username the sign-in name, unique across the community
 * @param passwordHash the password's adaptive hash (bcrypt, with its own salt and cost)
 * @param roles what the person may do
 * @param language the interface language the person chose
 * @param disabled whether an admin disabled the account (it can no longer sign in; its sessions end);
 *     absent in records written before accounts could be disabled, which read as enabled
 */
public record StoredUser(String username, String passwordHash, Set<Role> roles, String language, Boolean disabled) {

    public StoredUser(String username, String passwordHash, Set<Role> roles, String language) {
        this(username, passwordHash, roles, language, false);
    }

    public StoredUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(language, "language");
        // Boxed, so that a record without the field reads (a missing primitive fails the read) and as enabled.
        disabled = Boolean.TRUE.equals(disabled);
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public StoredUser withLanguage(String newLanguage) {
        return new StoredUser(username, passwordHash, roles, newLanguage, disabled);
    }

    public StoredUser withPasswordHash(String newHash) {
        return new StoredUser(username, newHash, roles, language, disabled);
    }

    public StoredUser asDisabled() {
        return new StoredUser(username, passwordHash, roles, language, true);
    }
}
