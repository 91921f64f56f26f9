package org.certhub.tenancy.admin;

import org.certhub.tenancy.Principal;
import org.certhub.tenancy.keys.ApiKey;

/** A key just issued to a principal: the only moment its secret exists outside the client. */
public record IssuedKey(Principal principal, ApiKey key) {
}
