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

    /**
     * @param shown the members the reader may see, counted per CERT and level
     * @param restricted the members it may not see, counted per CERT and level
     */
    public static String of(Correlation correlation, List<Group> shown, List<Group> restricted) {
        TreeSet<String> certs = new TreeSet<>();
        TreeSet<String> restrictedCerts = new TreeSet<>();
        shown.forEach(group -> certs.add(group.owner()));
        restricted.forEach(group -> restrictedCerts.add(group.owner()));
        certs.addAll(restrictedCerts);
        int restrictedMembers = restricted.stream().mapToInt(Group::members).sum();
        int members = correlation.memberCount();
        StringBuilder text = new StringBuilder();
        if (correlation.rule().equals(Correlation.CIDR_CONTAINMENT)) {
            text.append("Network ").append(correlation.value()).append(" or addresses inside it");
        } else {
            text.append(correlation.valueType()).append(' ').append(correlation.value());
        }
        text.append(members == 1 ? " is seen in 1 incident or report" : " is shared by " + members + " incidents or reports")
                .append(" of ").append(certs.size()).append(certs.size() == 1 ? " CERT (" : " CERTs (")
                .append(String.join(", ", certs)).append(")");
        Optional<Instant> first = shown.stream().map(Group::firstSeen).min(Instant::compareTo);
        Optional<Instant> last = shown.stream().map(Group::lastSeen).max(Instant::compareTo);
        if (first.isPresent()) {
            text.append(", first seen ").append(first.get()).append(", last seen ").append(last.get());
        }
        text.append("; rule ").append(correlation.rule()).append('.');
        if (restrictedMembers > 0) {
            text.append(' ').append(restrictedMembers).append(restrictedMembers == 1 ? " member is" : " members are")
                    .append(" restricted: contact ").append(String.join(", ", restrictedCerts)).append(" for details.");
        }
        correlation.suppression().ifPresent(reason ->
                text.append(" Suppressed (").append(reason).append("): kept visible, never announced."));
        return text.toString();
    }
}
