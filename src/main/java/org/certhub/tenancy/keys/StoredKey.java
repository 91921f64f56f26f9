package org.certhub.tenancy.keys;

import java.time.Instant;

/**
 * All the hub keeps of an API key.
 *
 * @param keyId the key's public id
 * @param sha256 SHA-256 of the secret, lower-case hex
 * @param created when it was issued
 */
public record StoredKey(String keyId, String sha256, Instant created) {
}
