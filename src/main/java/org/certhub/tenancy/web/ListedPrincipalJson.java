package org.certhub.tenancy.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.certhub.tenancy.kafka.StoredPrincipal;

/** A principal in the admin list, with the ids (not the hashes) of its valid keys, and its contacts. */
record ListedPrincipalJson(@JsonUnwrapped PrincipalJson principal, List<KeyJson> keys, ContactsJson contacts) {

    record KeyJson(String keyId, Instant created) {
    }

    static ListedPrincipalJson of(StoredPrincipal stored) {
        return new ListedPrincipalJson(PrincipalJson.of(stored.principal()),
                stored.keys().stream().map(key -> new KeyJson(key.keyId(), key.created())).toList(),
                ContactsJson.of(stored.contacts()));
    }
}
