package org.certhub.correlation.blind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.certhub.correlation.BlindMatchProperties;
import org.certhub.notify.NotificationRequested;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.Principal;

/**
 * The owner's inbox notice of new reveals: one per owner per answer, naming the CERT that matched,
 * each value and the time, and which of them were withheld because that CERT's budget was spent.
 * Goes to the recipient's own inbox only, at the strictest level of the values it repeats; its
 * subject line names no value all the same (it is what e-mail clients and lists show).
 * <p>
 * Sent as a {@link NotificationRequested} (the notify module's request message, as playbooks send
 * theirs) with run and playbook id {@value #SOURCE} and subject kind {@value NotificationRequested#BLIND_MATCH}:
 * the subject is the correlation of a value, and notify's last sharing check knows the content of
 * such a notice as the recipient's own.
 */
final class OwnerNotices {

    static final String SOURCE = "blind-matches";

    private OwnerNotices() {
    }

    /** The notices of these newly recorded reveals, one per owner. */
    static List<NotificationRequested> of(Principal viewer, List<Recorded> recorded, BlindMatchProperties properties,
            Instant now) {
        Map<String, List<Recorded>> byOwner = recorded.stream().collect(Collectors.groupingBy(
                r -> r.reveal().reveal().owner(), LinkedHashMap::new, Collectors.toList()));
        return byOwner.entrySet().stream().map(owner -> notice(viewer, owner.getKey(), owner.getValue(), properties, now))
                .toList();
    }

    /** A reveal as recorded, shown or withheld. */
    record Recorded(Reveal reveal, boolean withheld) {
    }

    private static NotificationRequested notice(Principal viewer, String owner, List<Recorded> reveals,
            BlindMatchProperties properties, Instant now) {
        List<Recorded> shown = reveals.stream().filter(r -> !r.withheld()).toList();
        List<Recorded> withheld = reveals.stream().filter(Recorded::withheld).toList();
        String who = viewer.name() + " (" + viewer.id() + ")";
        String at = now.truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder text = new StringBuilder();
        if (!shown.isEmpty()) {
            text.append(who).append(" matched ").append(count(shown.size())).append(" of your restricted values at ")
                    .append(at).append(". It was told only that you hold ").append(shown.size() == 1 ? "it" : "them")
                    .append(" and how to contact you:\n");
            shown.forEach(r -> line(text, r));
        }
        if (!withheld.isEmpty()) {
            text.append(shown.isEmpty() ? "" : "\n").append(who).append(" matched ").append(count(withheld.size()))
                    .append(" of your restricted values at ").append(at).append(" past its daily budget of ")
                    .append(properties.dailyBudget()).append(" blind matches: it was not told of ")
                    .append(withheld.size() == 1 ? "this match" : "these matches").append(":\n");
            withheld.forEach(r -> line(text, r));
        }
        String subject = "Blind match: " + viewer.name() + " matched " + count(reveals.size()) + " of your restricted values"
                + (withheld.isEmpty() ? "" : " (" + withheld.size() + " withheld, budget spent)");
        Recorded strictest = reveals.stream().max(Comparator.comparing(r -> r.reveal().reveal().tlp())).orElseThrow();
        Tlp tlp = strictest.reveal().reveal().tlp();
        String id = "ntf-blind-" + hash(owner, reveals.stream().map(r -> r.reveal().id()).sorted().toList());
        return new NotificationRequested(NotificationRequested.SCHEMA_VERSION, id, SOURCE, SOURCE, 1, "notice", owner,
                null, properties.noticeChannels(), subject, text.toString().stripTrailing(), NotificationRequested.BLIND_MATCH,
                strictest.reveal().reveal().correlationId(), tlp, false, null, now);
    }

    private static void line(StringBuilder text, Recorded recorded) {
        text.append("- ").append(recorded.reveal().reveal().valueType()).append(' ').append(recorded.reveal().reveal().value())
                .append(" (").append(recorded.reveal().reveal().tlp().label()).append(")\n");
    }

    private static String count(int n) {
        return n == 1 ? "one" : String.valueOf(n);
    }

    private static String hash(String owner, List<String> revealIds) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(owner.getBytes(StandardCharsets.UTF_8));
            revealIds.forEach(id -> digest.update(("\n" + id).getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
