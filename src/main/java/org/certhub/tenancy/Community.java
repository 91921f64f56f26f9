package org.certhub.tenancy;

import java.util.List;
import java.util.Optional;

/**
 * The principals of the community, as this hub instance knows them: all of the tenancy topic, read
 * at start-up and followed since, plus this instance's own acknowledged writes.
 */
public interface Community {

    /** The principal with this id, if it exists. */
    Optional<Principal> find(String principalId);

    /** The principal whose STIX identity has this id, if any. */
    Optional<Principal> findByIdentity(String identityId);

    /** Every principal, ordered by id. */
    List<Principal> principals();

    /** How the principal is reached (webhook secrets included: for the notify module's signing only). */
    Optional<Contacts> contacts(String principalId);
}
