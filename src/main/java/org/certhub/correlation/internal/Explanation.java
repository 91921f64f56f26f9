package org.certhub.correlation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The sentence that says why something is correlated: which value, which rule, how many incidents
 * or reports of which CERTs, first and last seen. Built from the members a reader may see, with the
 * restricted ones counted by CERT only, so it never says more than the members it comes with.
 */
public final class Explanation {

    private Explanation() {
    }

    /** The full explanation, as stored and announced. */
    static String of(Correlation correlation) {
        return of(correlation, List.copyOf(correlation.members().values()), List.of());
    }

    /**
     * @param shown the members the reader may see
     * @param restrictedCerts the owner of each member the reader may not see
     */
    public static String of(Correlation correlation, List<Member> shown, List<String> restrictedCerts) {
        TreeSet<String> certs = new TreeSet<>(restrictedCerts);
        shown.forEach(member -> certs.add(member.owner()));
        int members = shown.size() + restrictedCerts.size() + correlation.membersBeyondCap();
        StringBuilder text = new StringBuilder();
        if (correlation.rule().equals(Correlation.CIDR_CONTAINMENT)) {
            text.append("Network ").append(correlation.value()).append(" or addresses inside it");
        } else {
            text.append(correlation.valueType()).append(' ').append(correlation.value());
        }
        text.append(members == 1 ? " is seen in 1 incident or report" : " is shared by " + members + " incidents or reports")
                .append(" of ").append(certs.size()).append(certs.size() == 1 ? " CERT (" : " CERTs (")
                .append(String.join(", ", certs)).append(")");
        Optional<Instant> first = shown.stream().map(Member::firstSeen).min(Instant::compareTo);
        Optional<Instant> last = shown.stream().map(Member::lastSeen).max(Instant::compareTo);
        if (first.isPresent()) {
            text.append(", first seen ").append(first.get()).append(", last seen ").append(last.get());
        }
        text.append("; rule ").append(correlation.rule()).append('.');
        if (!restrictedCerts.isEmpty()) {
            text.append(' ').append(restrictedCerts.size()).append(restrictedCerts.size() == 1 ? " member is" : " members are")
                    .append(" restricted: contact ").append(String.join(", ", new TreeSet<>(restrictedCerts)))
                    .append(" for details.");
        }
        correlation.suppression().ifPresent(reason ->
                text.append(" Suppressed (").append(reason).append("): kept visible, never announced."));
        return text.toString();
    }
}
