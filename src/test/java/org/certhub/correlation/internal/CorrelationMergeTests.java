package org.certhub.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.certhub.correlation.ObservationRecorded;
import org.certhub.stix.Tlp;
import org.junit.jupiter.api.Test;

class CorrelationMergeTests {

    private static final Suppression RULES = new Suppression(List.of("8.8.8.8", "10.0.0.0/8", "example.com"), 5);
    private static final Correlation.Limits LIMITS = new Correlation.Limits(10, 3);
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void sightingsOfOneContainerAreOneMember() {
        Correlation merged = empty().merge(List.of(seen("kz-cert", "report--1", "indicator--a", Tlp.GREEN, T0),
                seen("kz-cert", "report--1", "ipv4-addr--b", Tlp.GREEN, T0.plusSeconds(5))), RULES, LIMITS);

        assertThat(merged.memberCount()).isEqualTo(1);
        Member member = merged.members().values().iterator().next();
        assertThat(member.objectIds()).containsExactly("indicator--a", "ipv4-addr--b");
        assertThat(member.firstSeen()).isEqualTo(T0);
        assertThat(member.lastSeen()).isEqualTo(T0.plusSeconds(5));
        assertThat(merged.correlates()).isFalse();
    }

    @Test
    void mergingTheSameSightingsAgainChangesNothing() {
        List<ObservationRecorded> sightings = List.of(seen("kz-cert", "report--1", "indicator--a", Tlp.GREEN, T0),
                seen("uz-cert", "report--2", "indicator--b", Tlp.AMBER, T0));
        Correlation once = empty().merge(sightings, RULES, LIMITS);

        assertThat(once.merge(sightings, RULES, LIMITS)).isEqualTo(once);
        assertThat(once.memberCount()).isEqualTo(2);
        assertThat(once.announcesOver(empty())).isTrue();
        assertThat(once.merge(sightings, RULES, LIMITS).announcesOver(once)).isFalse();
    }

    @Test
    void aMemberIsShownAtTheStrictestLevelOfItsObjects() {
        Correlation merged = empty().merge(List.of(seen("kz-cert", "report--1", "indicator--a", Tlp.GREEN, T0),
                seen("kz-cert", "report--1", "indicator--b", Tlp.RED, T0)), RULES, LIMITS);

        assertThat(merged.members().values().iterator().next().tlp()).isEqualTo(Tlp.RED);
    }

    @Test
    void objectIdsAndStoredMembersAreCappedButStillCounted() {
        Correlation merged = empty();
        for (int i = 0; i < 12; i++) {
            merged = merged.merge(List.of(seen("kz-cert", "report--" + i, "indicator--" + i, Tlp.GREEN, T0)),
                    new Suppression(List.of(), 100), LIMITS);
        }
        for (int i = 0; i < 5; i++) {
            merged = merged.merge(List.of(seen("kz-cert", "report--0", "x--" + i, Tlp.GREEN, T0)),
                    new Suppression(List.of(), 100), LIMITS);
        }

        assertThat(merged.members()).hasSize(10);
        assertThat(merged.memberCount()).isEqualTo(12);
        assertThat(merged.members().values().iterator().next().objectIds()).hasSize(3);
    }

    @Test
    void aValueInMoreContainersThanTheCutOffIsSuppressedAndNoLongerAnnounced() {
        Correlation merged = empty();
        for (int i = 0; i < 6; i++) {
            Correlation before = merged;
            merged = merged.merge(List.of(seen("c" + i, "report--" + i, "indicator--" + i, Tlp.GREEN, T0)), RULES, LIMITS);
            assertThat(merged.announcesOver(before)).isEqualTo(i >= 1 && i < 5);
        }
        assertThat(merged.suppression()).contains(Suppression.TOO_COMMON);
    }

    @Test
    void pastTheMemberCapACertNotYetAmongTheMembersStillJoins() {
        Suppression open = new Suppression(List.of(), 100);
        Correlation full = empty();
        for (int i = 0; i < 10; i++) {
            full = full.merge(List.of(seen("kz-cert", "report--" + i, "indicator--" + i, Tlp.GREEN, T0)), open, LIMITS);
        }

        Correlation another = full.merge(List.of(seen("kz-cert", "report--x", "indicator--x", Tlp.GREEN, T0)), open, LIMITS);
        Correlation acrossTheBorder = another.merge(List.of(seen("uz-cert", "report--u", "indicator--u", Tlp.GREEN, T0),
                seen("uz-cert", "report--v", "indicator--v", Tlp.GREEN, T0)), open, LIMITS);

        assertThat(another.members()).hasSize(10);
        assertThat(another.onlyCountGrew(full)).isTrue();
        assertThat(acrossTheBorder.certs()).containsExactly("kz-cert", "uz-cert");
        assertThat(acrossTheBorder.members()).as("one more stored member: the new CERT's first").hasSize(11);
        assertThat(acrossTheBorder.memberCount()).isEqualTo(13);
        assertThat(acrossTheBorder.onlyCountGrew(another)).isFalse();
    }

    @Test
    void aSuppressedValueKeepsItsMembersAsTheyWereAndOnlyCountsNewOnes() {
        Correlation suppressed = Correlation.empty("ipv4", "8.8.8.8").merge(
                List.of(seen("kz-cert", "report--1", "indicator--a", Tlp.GREEN, T0)), RULES, LIMITS);

        Correlation grown = suppressed.merge(List.of(seen("uz-cert", "report--2", "indicator--b", Tlp.GREEN, T0),
                seen("kz-cert", "report--1", "indicator--c", Tlp.RED, T0.plusSeconds(9))), RULES, LIMITS);

        assertThat(suppressed.suppression()).contains(Suppression.ALLOW_LISTED);
        assertThat(grown.memberCount()).isEqualTo(2);
        assertThat(grown.members()).isEqualTo(suppressed.members());
        assertThat(grown.onlyCountGrew(suppressed)).isTrue();
        assertThat(grown.announcesOver(suppressed)).isFalse();
        Correlation open = empty().merge(List.of(seen("kz-cert", "r1", "i1", Tlp.GREEN, T0)), RULES, LIMITS);
        assertThat(open.merge(List.of(seen("uz-cert", "r2", "i2", Tlp.GREEN, T0)), RULES, LIMITS)
                .onlyCountGrew(open)).isFalse();
    }

    @Test
    void allowListedValuesAndWhatTheirNetworksAndDomainsCoverAreSuppressed() {
        assertThat(RULES.reason("ipv4", "8.8.8.8", 1)).contains(Suppression.ALLOW_LISTED);
        assertThat(RULES.reason("ipv4", "10.20.30.40", 1)).contains(Suppression.ALLOW_LISTED);
        assertThat(RULES.reason("cidr", "10.1.0.0/16", 1)).contains(Suppression.ALLOW_LISTED);
        assertThat(RULES.reason("cidr", "0.0.0.0/0", 1)).isEmpty();
        assertThat(RULES.reason("domain", "www.example.com", 1)).contains(Suppression.ALLOW_LISTED);
        assertThat(RULES.reason("domain", "notexample.com", 1)).isEmpty();
        assertThat(RULES.reason("ipv4", "198.51.100.7", 5)).isEmpty();
    }

    @Test
    void aContainedAddressMakesTheNetworkACidrContainment() {
        Correlation network = Correlation.empty("cidr", "198.51.100.0/24").merge(List.of(
                seen("uz-cert", "report--1", "indicator--n", Tlp.GREEN, T0),
                new ObservationRecorded(1, "cidr", "198.51.100.0/24", "kz-cert", "report--2", "indicator--a", "TLP:GREEN",
                        T0, "198.51.100.77")), RULES, LIMITS);

        assertThat(network.rule()).isEqualTo(Correlation.CIDR_CONTAINMENT);
        assertThat(network.certs()).containsExactly("kz-cert", "uz-cert");
        assertThat(network.found().rule()).isEqualTo(Correlation.CIDR_CONTAINMENT);
    }

    @Test
    void theScoreGrowsWithEachFurtherCertMoreThanWithFurtherIncidentsOfOneCert() {
        Correlation twoCerts = empty().merge(List.of(seen("kz-cert", "r1", "i1", Tlp.GREEN, T0),
                seen("uz-cert", "r2", "i2", Tlp.GREEN, T0)), RULES, LIMITS);
        Correlation threeCerts = twoCerts.merge(List.of(seen("kg-cert", "r3", "i3", Tlp.GREEN, T0)), RULES, LIMITS);
        Correlation twoCertsThreeIncidents = twoCerts.merge(List.of(seen("kz-cert", "r4", "i4", Tlp.GREEN, T0)), RULES, LIMITS);

        assertThat(empty().merge(List.of(seen("kz-cert", "r1", "i1", Tlp.GREEN, T0)), RULES, LIMITS).score()).isZero();
        assertThat(threeCerts.score()).isGreaterThan(twoCertsThreeIncidents.score());
        assertThat(twoCertsThreeIncidents.score()).isGreaterThan(twoCerts.score());
        assertThat(threeCerts.score()).isBetween(0.0, 100.0);
        Correlation technique = Correlation.empty("attack-technique", "T1566").merge(List.of(
                seen("kz-cert", "r1", "i1", Tlp.GREEN, T0), seen("uz-cert", "r2", "i2", Tlp.GREEN, T0)), RULES, LIMITS);
        assertThat(technique.score()).isLessThan(twoCerts.score());
    }

    @Test
    void theSummaryAndEachMemberRoundTripThroughTheirJson() {
        Correlation merged = empty().merge(List.of(seen("kz-cert", "report--1", "indicator--a", Tlp.RED, T0),
                seen("uz-cert", "report--2", "indicator--b", Tlp.GREEN, T0.plusSeconds(1))), RULES, LIMITS);
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

        Correlation summary = CorrelationDocuments.fromJson(json.readTree(CorrelationDocuments.toJson(merged, List.of(), T0)));
        Member member = merged.members().values().iterator().next();
        var memberDocument = json.readTree(CorrelationDocuments.memberToJson(merged.id(), member, 0));

        assertThat(summary).isEqualTo(merged.withMembers(List.of()));
        assertThat(CorrelationDocuments.memberFromJson(memberDocument)).isEqualTo(member);
        assertThat(CorrelationDocuments.correlationIdOf(memberDocument)).isEqualTo(merged.id());
    }

    @Test
    void theMembersTheSummaryHoldsAreAtHandWhenTheSummaryIsRead() {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        Correlation one = empty().merge(List.of(seen("kz-cert", "report--1", "indicator--a", Tlp.AMBER, T0)), RULES, LIMITS);
        Correlation two = one.merge(List.of(seen("uz-cert", "report--2", "indicator--b", Tlp.GREEN, T0)), RULES, LIMITS);
        Member first = one.members().values().iterator().next();

        Correlation readTwo = CorrelationDocuments.fromJson(json.readTree(CorrelationDocuments.toJson(two,
                List.copyOf(two.members().values()), T0)));
        Correlation readOneOfTwo = CorrelationDocuments.fromJson(json.readTree(CorrelationDocuments.toJson(two, List.of(first), T0)));

        assertThat(readTwo).isEqualTo(two);
        assertThat(readTwo.allMembersAtHand()).isTrue();
        assertThat(readOneOfTwo.members()).containsOnlyKeys(first.key());
        assertThat(readOneOfTwo.allMembersAtHand()).isFalse();
    }

    @Test
    void aSummaryAnEarlierReleaseWroteWithItsFirstMemberHasThatMemberAtHand() {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        Correlation one = empty().merge(List.of(seen("kz-cert", "report--1", "indicator--a", Tlp.AMBER, T0)), RULES, LIMITS);
        var written = (tools.jackson.databind.node.ObjectNode) json.readTree(CorrelationDocuments.toJson(one,
                List.copyOf(one.members().values()), T0));
        written.set("first_member", written.remove("held_members").get(0));

        assertThat(CorrelationDocuments.fromJson(written)).isEqualTo(one);
    }

    @Test
    void theSummaryCountsMembersPerCertAndLevelAndFollowsAMemberToAStricterLevel() {
        Correlation merged = empty().merge(List.of(seen("kz-cert", "report--1", "indicator--a", Tlp.GREEN, T0),
                seen("kz-cert", "report--2", "indicator--b", Tlp.GREEN, T0.plusSeconds(5)),
                seen("uz-cert", "report--3", "indicator--c", Tlp.AMBER, T0.plusSeconds(9))), RULES, LIMITS);
        Correlation stricter = merged.merge(List.of(seen("kz-cert", "report--2", "indicator--d", Tlp.RED, T0.plusSeconds(20))),
                RULES, LIMITS);

        assertThat(merged.groups()).extracting(Group::owner, Group::tlp, Group::members).containsExactly(
                org.assertj.core.groups.Tuple.tuple("kz-cert", Tlp.GREEN, 2), org.assertj.core.groups.Tuple.tuple("uz-cert", Tlp.AMBER, 1));
        assertThat(merged.groups().get(0).lastSeen()).isEqualTo(T0.plusSeconds(5));
        assertThat(stricter.groups()).extracting(Group::owner, Group::tlp, Group::members).containsExactly(
                org.assertj.core.groups.Tuple.tuple("kz-cert", Tlp.GREEN, 1), org.assertj.core.groups.Tuple.tuple("kz-cert", Tlp.RED, 1),
                org.assertj.core.groups.Tuple.tuple("uz-cert", Tlp.AMBER, 1));
        assertThat(stricter.storedMembers()).isEqualTo(3);
        assertThat(stricter.membersChangedSince(merged)).extracting(Member::container).containsExactly("report--2");
    }

    @Test
    void eventsRoundTripThroughTheirJson() {
        ObservationRecorded sighting = seen("kz-cert", "report--1", "indicator--a", Tlp.RED, T0);
        assertThat(ObservationRecorded.fromJson(sighting.toJson())).contains(sighting);
        assertThat(new String(sighting.toJson(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"received_at\":\"2026-11-01T10:00:00Z\"").doesNotContain("via");
        var found = empty().merge(List.of(sighting, seen("uz-cert", "r", "i", Tlp.GREEN, T0)), RULES, LIMITS).found();
        assertThat(org.certhub.correlation.CorrelationFound.fromJson(found.toJson())).contains(found);
        assertThat(ObservationRecorded.fromJson("nope".getBytes())).isEmpty();
    }

    private static Correlation empty() {
        return Correlation.empty("ipv4", "198.51.100.7");
    }

    private static ObservationRecorded seen(String owner, String container, String objectId, Tlp tlp, Instant at) {
        return new ObservationRecorded(1, "ipv4", "198.51.100.7", owner, container, objectId, tlp.label(), at, "");
    }
}
