package org.certhub.console.web;

import java.util.Optional;

import org.certhub.tenancy.Community;
import org.certhub.tenancy.UserAccounts;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Finds the {@link Viewer} of the current request from its session's sign-in. */
@Component
class Viewers {

    private final UserAccounts users;
    private final Community community;

    Viewers(UserAccounts users, Community community) {
        this.users = users;
        this.community = community;
    }

    /** The signed-in viewer, if the current request has one whose account (not disabled) and principal still exist. */
    Optional<Viewer> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ConsoleUser user)) {
            return Optional.empty();
        }
        return users.find(user.username()).filter(account -> !account.disabled()).flatMap(account -> community.find(account.principalId())
                .map(principal -> new Viewer(account, principal)));
    }

    /** The signed-in viewer; a request without one is refused (the account was removed meanwhile). */
    Viewer require() {
        return current().orElseThrow(() -> new AccessDeniedException("No console account"));
    }
}
