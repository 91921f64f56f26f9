package org.certhub.correlation;

import java.util.Collection;

import org.certhub.tenancy.Principal;

/**
 * The ledger of blind matches. Every answer that shows a viewer blind entries (correlations,
 * searches, observable lookups) first passes the reveals it would make through {@link #disclose}:
 * <ul>
 * <li>A reveal is (viewer, owner CERT, value type and value, UTC day). The first of a day is
 *     recorded, and the owner is told in its inbox who matched which of its restricted values and
 *     when; showing it again that day costs nothing and tells the owner nothing new.</li>
 * <li>Each viewer may make {@code certhub.correlation.blind-matches.daily-budget} distinct reveals a
 *     UTC day. Past it, new reveals are withheld (recorded as such, and their owners told); the
 *     ones already made that day still show.</li>
 * </ul>
 * Owners read the reveals of their values at {@code GET /api/v1/blind-matches}.
 */
public interface BlindMatches {

    /**
     * Records the new reveals of one answer and decides which may be shown. At most a handful of
     * Elasticsearch round trips per answer, none when every reveal was already made today on this
     * instance.
     *
     * @param viewer who the answer is for
     * @param reveals the blind entries the answer would carry; duplicates are one reveal
     * @throws org.certhub.web.ProblemException {@code 503} when the ledger is unreachable: nothing blind may be shown then
     */
    BlindDisclosure disclose(Principal viewer, Collection<BlindReveal> reveals);
}
