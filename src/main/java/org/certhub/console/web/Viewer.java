package org.certhub.console.web;

import org.certhub.tenancy.Principal;
import org.certhub.tenancy.Role;
import org.certhub.tenancy.UserAccount;

/**
 * The signed-in person and the principal whose view of the data they get: every read of a page is
 * made as {@link #principal()}, through the same sharing policy as the API.
 */
record Viewer(UserAccount account, Principal principal) {

    /** Whether the person works playbooks (runs, acknowledgements, versions), as the API's responder role. */
    public boolean responder() {
        return account.roles().contains(Role.RESPONDER);
    }
}
