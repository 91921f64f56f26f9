package org.certhub.playbook.internal;

import java.time.Instant;

/**
 * A version of a playbook the hub has seen and released: immutable, addressed by (id, version).
 *
 * @param playbook the parsed playbook
 * @param yaml the text exactly as first seen
 * @param sha256 hex SHA-256 of that text's UTF-8 bytes
 * @param file the file it came from, relative to the playbook directory
 * @param firstSeen when the hub first loaded it
 */
public record ReleasedVersion(Playbook playbook, String yaml, String sha256, String file, Instant firstSeen) {

    public String id() {
        return playbook.id();
    }

    public int version() {
        return playbook.version();
    }
}
