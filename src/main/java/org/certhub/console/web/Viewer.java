package org.certhub.console.web;

import org.certhub.tenancy.Principal;
import org.certhub.tenancy.UserAccount;

/**
 * The signed-in person and the principal whose view of the data they get: every read of a page is
 * made as {@link #principal()}, through the same sharing policy as the API.
 */
record Viewer(UserAccount account, Principal principal) {
}
