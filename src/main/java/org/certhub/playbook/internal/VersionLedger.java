package org.certhub.playbook.internal;

import java.time.Instant;
import java.util.List;

/**
 * Where the hub keeps every playbook version it has released, with its content and hash, so that a
 * restarted hub still knows what was released and refuses a file edited in place while it was down.
 */
public interface VersionLedger {

    /** Every version ever recorded. */
    List<Entry> readAll();

    /** Records a newly released version; returns once it is durable. */
    void record(Entry entry);

    /** One released version as the ledger keeps it. */
    record Entry(String id, int version, String sha256, String file, String yaml, Instant firstSeen) {
    }
}
