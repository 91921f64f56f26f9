package org.certhub.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certhub.correlation.ObservationRecorded;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.SharingPolicy.Audience;
import org.junit.jupiter.api.Test;

class CorrelationViewsTests {

    private static final Audience UZ = new Audience("uz-cert", Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER));
    private static final Audience KZ = new Audience("kz-cert", Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER));
    private static final Audience KG = new Audience("kg-cert", Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER));
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final CorrelationViews VIEWS = new CorrelationViews(id -> id.toUpperCase());

    private final Correlation correlation = Correlation.empty("ipv4", "198.51.100.7").merge(List.of(
            new ObservationRecorded(1, "ipv4", "198.51.100.7", "kz-cert", "report--secret", "indicator--secret", "TLP:RED",
                    T0, ""),
            new ObservationRecorded(1, "ipv4", "198.51.100.7", "uz-cert", "report--open", "indicator--open", "TLP:GREEN",
                    T0.plusSeconds(60), "")), new Suppression(List.of(), 100), new Correlation.Limits(100, 10));

    @Test
    void aMemberTheCallerMayNotSeeIsBlindAndSaysOnlyWhomToContact() {
        List<Map<String, Object>> members = VIEWS.members(correlation.members().values(), UZ);

        assertThat(members.get(0)).containsExactly(Map.entry("blind", true), Map.entry("cert", "kz-cert"),
                Map.entry("contact", "KZ-CERT"), Map.entry("tlp", "TLP:RED"));
        assertThat(members.get(1)).containsEntry("blind", false).containsEntry("container", "report--open")
                .containsEntry("object_ids", List.of("indicator--open"));
        assertThat(VIEWS.detail(correlation, UZ).toString()).doesNotContain("secret")
                .doesNotContain(T0.toString());
    }

    @Test
    void theRestrictedOwnerSeesItsOwnMemberAndTheOtherCertsShareableOne() {
        List<Map<String, Object>> members = VIEWS.members(correlation.members().values(), KZ);

        assertThat(members).allSatisfy(member -> assertThat(member).containsEntry("blind", false));
        assertThat(VIEWS.summary(correlation, KZ)).containsEntry("restricted_member_count", 0)
                .containsEntry("first_seen", T0.toString());
    }

    @Test
    void aCorrelationIsVisibleOnlyThroughAMemberTheCallerMaySee() {
        Correlation redOnly = Correlation.empty("ipv4", "198.51.100.8").merge(List.of(new ObservationRecorded(1, "ipv4",
                "198.51.100.8", "kz-cert", "r", "i", "TLP:RED", T0, "")), new Suppression(List.of(), 100),
                new Correlation.Limits(100, 10));

        assertThat(CorrelationViews.visible(correlation, KG)).isTrue();
        assertThat(CorrelationViews.visible(redOnly, KG)).isFalse();
        assertThat(CorrelationViews.visible(redOnly, KZ)).isTrue();
    }

    @Test
    void theExplanationNamesValueRuleAndCertsButCountsRestrictedMembersOnly() {
        String explanation = (String) VIEWS.summary(correlation, UZ).get("explanation");

        assertThat(explanation).contains("198.51.100.7").contains("2 incidents or reports").contains("kz-cert, uz-cert")
                .contains("shared-value").contains("1 member is restricted: contact kz-cert").doesNotContain("secret");
    }

    private static final Audience TJ = new Audience("tj-cert", Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER));
    private static final String NETWORK = "198.51.100.16/28";

    /** uz-cert reports a network at RED; kz-cert reports an address inside it at GREEN. */
    private static Correlation redNetworkWithGreenAddressInside() {
        return Correlation.empty("cidr", NETWORK).merge(List.of(
                new ObservationRecorded(1, "cidr", NETWORK, "uz-cert", "report--uz", "indicator--net", "TLP:RED", T0, ""),
                new ObservationRecorded(1, "cidr", NETWORK, "kz-cert", "report--kz", "indicator--addr", "TLP:GREEN",
                        T0.plusSeconds(60), "198.51.100.20")), new Suppression(List.of(), 100), new Correlation.Limits(100, 10));
    }

    @Test
    void aNetworkIsInvisibleToACertThatMaySeeOnlyAnAddressInsideIt() {
        Correlation network = redNetworkWithGreenAddressInside();

        assertThat(CorrelationViews.visible(network, KZ)).isFalse();
        assertThat(CorrelationViews.visible(network, KG)).isFalse();
        assertThat(CorrelationViews.visible(network, UZ)).isTrue();
        assertThat(VIEWS.detail(network, UZ).get("members").toString()).contains("report--kz").contains("198.51.100.20");
    }

    @Test
    void aNetworkIsVisibleWholeToACertThatMaySeeOneOfItsHolders() {
        Correlation network = redNetworkWithGreenAddressInside().merge(List.of(new ObservationRecorded(1, "cidr", NETWORK,
                "tj-cert", "report--tj", "indicator--tj", "TLP:GREEN", T0, "")), new Suppression(List.of(), 100),
                new Correlation.Limits(100, 10));

        assertThat(CorrelationViews.visible(network, KG)).isTrue();
        assertThat(CorrelationViews.visible(network, KZ)).isTrue();
        assertThat(VIEWS.summary(network, KG)).containsEntry("value", NETWORK).containsEntry("restricted_member_count", 1);
    }

    @Test
    void aContainingNetworkTheCallerMayNotSeeIsABlindMatchWithoutValueIdOrCounts() {
        Correlation network = redNetworkWithGreenAddressInside();

        Map<String, Object> match = VIEWS.blindMatch(network, KZ).orElseThrow();

        assertThat(match).containsExactly(Map.entry("relation", "contained-in"), Map.entry("blind", true),
                Map.entry("sightings", List.of(Map.of("blind", true, "cert", "uz-cert", "contact", "UZ-CERT",
                        "tlp", "TLP:RED"))));
        assertThat(match.toString()).doesNotContain("198.51.100.16").doesNotContain(network.id())
                .doesNotContain("report--");
        assertThat(VIEWS.blindMatch(network, UZ)).isEmpty();
    }

    @Test
    void onlyTheHoldersOfTheValueAreAnnouncedAsCarryingIt() {
        assertThat(redNetworkWithGreenAddressInside().found().holders()).containsExactly(
                new org.certhub.correlation.CorrelationFound.Holder("kz-cert", "TLP:GREEN", false),
                new org.certhub.correlation.CorrelationFound.Holder("uz-cert", "TLP:RED", true));
    }

    @Test
    void aMemberThatReportsTheNetworkAndAnAddressInsideItCarriesTheValue() {
        Correlation network = redNetworkWithGreenAddressInside().merge(List.of(new ObservationRecorded(1, "cidr", NETWORK,
                "kz-cert", "report--kz", "indicator--kz-net", "TLP:GREEN", T0, "")), new Suppression(List.of(), 100),
                new Correlation.Limits(100, 10));

        assertThat(CorrelationViews.visible(network, KG)).isTrue();
        assertThat(network.groups()).extracting(Group::owner, Group::carriesValue, Group::members)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kz-cert", true, 1),
                        org.assertj.core.groups.Tuple.tuple("uz-cert", true, 1));
    }
}
