package org.certhub.tenancy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in to the console on behalf of a CERT (or another principal). What the person
 * may see is what that principal may see; what the person may do is its own roles.
 *
 * @param username the sign-in name, lower case ({@code kz-responder})
 * @param principalId the principal the person works for ({@code kz-cert})
 * @param roles what the person may do, named as for API keys
 * @param language the interface language the person chose ({@code en} or {@code ru})
 * @param disabled whether an admin disabled the account: it cannot sign in, and its sessions end
 */
public record UserAccount(String username, String principalId, Set<Role> roles, String language, boolean disabled) {

    public UserAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(language, "language");
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }
}
