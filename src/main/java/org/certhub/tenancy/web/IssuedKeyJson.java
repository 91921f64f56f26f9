package org.certhub.tenancy.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.certhub.tenancy.admin.IssuedKey;

/** The answer that carries a new key: shown this once, the hub keeps only its hash. */
record IssuedKeyJson(@JsonUnwrapped PrincipalJson principal, String keyId, String apiKey) {

    static IssuedKeyJson of(IssuedKey issued) {
        return new IssuedKeyJson(PrincipalJson.of(issued.principal()), issued.key().keyId(), issued.key().value());
    }
}
