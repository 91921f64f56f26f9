package org.certhub.tenancy.web;

import java.util.List;

import org.certhub.tenancy.Role;
import org.certhub.tenancy.UserAccount;

/** A console account as the admin API answers it: never its password or hash. */
record UserJson(String username, String principal, List<String> roles, String language, boolean disabled) {

    static UserJson of(UserAccount account) {
        return new UserJson(account.username(), account.principalId(), account.roles().stream().map(Role::jsonName).toList(),
                account.language(), account.disabled());
    }
}
