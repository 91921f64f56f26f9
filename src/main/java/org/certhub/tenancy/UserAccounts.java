package org.certhub.tenancy;

import java.util.Optional;
import java.util.Set;

/** The people who sign in to the console, each for one principal (passwords are kept only as adaptive hashes). */
public interface UserAccounts {

    /** The account with this username, if any. */
    Optional<UserAccount> find(String username);

    /** The account, when the password is its password; empty for an unknown or disabled user or a wrong password alike. */
    Optional<UserAccount> verify(String username, CharSequence password);

    /**
     * Creates the account, or sets its password and roles when it exists (for the same principal);
     * empty when the principal does not exist or the username belongs to another principal.
     *
     * @throws IllegalArgumentException when the username is not 2 to 63 lower-case letters, digits, '.', '_' or '-'
     */
    Optional<UserAccount> put(String principalId, String username, Set<Role> roles, CharSequence password);

    /**
     * Records the interface language the person chose; empty when there is no such account.
     *
     * @throws IllegalArgumentException when the language is not a two-letter ISO 639-1 code
     */
    Optional<UserAccount> changeLanguage(String username, String language);

    /** Disables the account: it can no longer sign in, and its sessions end. Empty when there is no such account. */
    Optional<UserAccount> disable(String username);
}
