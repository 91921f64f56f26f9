package org.certhub.correlation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.certhub.correlation.SharedCorrelation;
import org.certhub.tenancy.SharingPolicy.Audience;

/**
 * A correlation as one caller may see it: the one rule every read path (API, console, feed, stats)
 * applies. A correlation's value, id and explanation are derived from the members that carry the
 * value itself ({@link Correlation#valueHolders()}); the caller may see the correlation only when it
 * may see one of them, and otherwise the correlation does not exist for it. A network's containment
 * member carries only its address: a CERT that may see only such a member (its own address inside
 * another CERT's restricted network, say) learns nothing of the network, not even its id, which
 * would name the network to anyone trying the few prefixes around a known address.
 * <p>
 * Within a visible correlation, a member the caller may see (its own, or another CERT's at a level
 * the caller may see) is shown whole; any other member is a blind entry that says only which CERT
 * holds a restricted sighting, whom to contact and at which level: never its objects, its
 * container, or when it saw the value. First and last seen and the explanation come from the
 * visible members alone. Every blind entry the hub hands out is made here ({@link #blindEntry}).
 *
 * @param contactOf the display name of a CERT, by principal id, to contact it through the hub
 */
public record CorrelationViews(Function<String, String> contactOf) {

    /**
     * Whether the caller may see at least one member that carries the value: otherwise the
     * correlation does not exist for it.
     */
    public static boolean visible(Correlation correlation, Audience audience) {
        return correlation.valueHolders().stream().anyMatch(group -> audience.admits(group.owner(), group.tlp()));
    }

    /**
     * A network containing an address the caller asked about, when the caller may not see the
     * network: that a restricted report matches and whom to contact, as blind entries of the members
     * that carry the network (one per CERT and level), and nothing else: no value, no id, no counts.
     * Empty when the caller may see the network (answer it whole) or nobody carries it.
     */
    public Optional<Map<String, Object>> blindMatch(Correlation network, Audience audience) {
        if (visible(network, audience)) {
            return Optional.empty();
        }
        Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
        for (Member member : network.members().values()) {
            if (member.carriesValue() && !audience.admits(member.owner(), member.tlp())) {
                entries.putIfAbsent(member.owner() + '\n' + member.tlp(), blindEntry(member));
            }
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("relation", "contained-in");
        match.put("blind", true);
        match.put("sightings", List.copyOf(entries.values()));
        return Optional.of(match);
    }

    /** The correlation with its members, for {@code GET /api/v1/correlations/{id}}. */
    public Map<String, Object> detail(Correlation correlation, Audience audience) {
        Map<String, Object> view = summary(correlation, audience);
        view.put("members", members(correlation.members().values(), audience));
        return view;
    }

    /** The correlation without its members, for listings: what it counts of them is enough. */
    public Map<String, Object> summary(Correlation correlation, Audience audience) {
        List<Group> shown = shown(correlation, audience);
        List<Group> restricted = restricted(correlation, audience);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", correlation.id());
        view.put("value_type", correlation.valueType());
        view.put("value", correlation.value());
        view.put("rule", correlation.rule());
        view.put("score", correlation.score());
        view.put("member_count", correlation.memberCount());
        view.put("restricted_member_count", restricted.stream().mapToInt(Group::members).sum());
        view.put("certs", correlation.certs());
        view.put("first_seen", shown.stream().map(Group::firstSeen).min(Instant::compareTo).map(Instant::toString).orElse(null));
        view.put("last_seen", shown.stream().map(Group::lastSeen).max(Instant::compareTo).map(Instant::toString).orElse(null));
        view.put("suppressed", correlation.suppressed());
        correlation.suppression().ifPresent(reason -> view.put("suppressed_reason", reason));
        view.put("explanation", Explanation.of(correlation, shown, restricted));
        return view;
    }

    /** The members the caller may see, counted per CERT and level. */
    public static List<Group> shown(Correlation correlation, Audience audience) {
        return correlation.groups().stream().filter(group -> audience.admits(group.owner(), group.tlp())).toList();
    }

    /** The members the caller may not see, counted per CERT and level. */
    public static List<Group> restricted(Correlation correlation, Audience audience) {
        return correlation.groups().stream().filter(group -> !audience.admits(group.owner(), group.tlp())).toList();
    }

    /** Members in stored order, each whole or blind. */
    public List<Map<String, Object>> members(Iterable<Member> members, Audience audience) {
        List<Map<String, Object>> out = new ArrayList<>();
        members.forEach(member -> out.add(member(member, audience)));
        return out;
    }

    public Map<String, Object> member(Member member, Audience audience) {
        if (!audience.admits(member.owner(), member.tlp())) {
            return blindEntry(member);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("blind", false);
        view.put("cert", member.owner());
        view.put("container", member.container());
        view.put("object_ids", member.objectIds());
        view.put("tlp", member.tlp().label());
        view.put("first_seen", member.firstSeen().toString());
        view.put("last_seen", member.lastSeen().toString());
        if (member.byContainment()) {
            view.put("via", member.via());
        }
        return view;
    }

    /** A member the caller may not see: exactly {@code {blind, cert, contact, tlp}}. */
    Map<String, Object> blindEntry(Member member) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("blind", true);
        view.put("cert", member.owner());
        view.put("contact", Optional.ofNullable(contactOf.apply(member.owner())).orElse(member.owner()));
        view.put("tlp", member.tlp().label());
        return view;
    }

    /** {@link #blindEntry} for the partner feed's typed correlations. */
    SharedCorrelation.RestrictedMember restrictedMember(Member member) {
        return new SharedCorrelation.RestrictedMember(member.owner(),
                Optional.ofNullable(contactOf.apply(member.owner())).orElse(member.owner()), member.tlp());
    }
}
