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
 */
public record StoredUser(String username, String passwordHash, Set<Role> roles, String language) {

    public StoredUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(language, "language");
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public StoredUser withLanguage(String newLanguage) {
        return new StoredUser(username, passwordHash, roles, newLanguage);
    }

    public StoredUser withPasswordHash(String newHash) {
        return new StoredUser(username, newHash, roles, language);
    }
}
