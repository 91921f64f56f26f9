package org.certhub.playbook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.certhub.correlation.CorrelationFound;
import org.certhub.correlation.CorrelationFound.Holder;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.SharingPolicy;
import org.junit.jupiter.api.Test;

class SubjectMarkingTests {

    private static final Instant T0 = Instant.parse("2026-11-29T06:00:00Z");
    private final TestCommunity community = new TestCommunity();
    private final SubjectMarking marking = new SubjectMarking(community, new SharingPolicy());
    private final Subjects subjects = new Subjects(community, new SharingPolicy());
    private final Principal kz = principal("kz-cert");
    private final Principal tj = principal("tj-cert");
    private final Principal uz = principal("uz-cert");
    private final Principal partner = principal("regional-soc");

    @Test
    void aRedIncidentIsVisibleOnlyToItsOwner() {
        Subject incident = incident("uz-cert", Tlp.RED);

        assertThat(marking.maySee(uz, incident)).isTrue();
        assertThat(marking.maySee(kz, incident)).isFalse();
        assertThat(marking.maySee(partner, incident)).isFalse();
        assertThat(marking.blindEntry(kz, incident)).isEqualTo(new SubjectMarking.BlindEntry("uz-cert", "UZ-CERT", Tlp.RED));
    }

    @Test
    void anAmberIncidentIsVisibleToMembersButNotToAPartner() {
        Subject incident = incident("uz-cert", Tlp.AMBER);

        assertThat(marking.maySee(kz, incident)).isTrue();
        assertThat(marking.maySee(partner, incident)).isFalse();
    }

    @Test
    void aCorrelationHeldOnlyAtRedByTwoCertsIsNotVisibleToAThird() {
        Subject correlation = correlation(List.of("kz-cert", "tj-cert"),
                List.of(new Holder("kz-cert", "TLP:RED", true), new Holder("tj-cert", "TLP:RED", true)));

        assertThat(correlation.tlp()).isEqualTo(Tlp.RED);
        assertThat(marking.maySee(kz, correlation)).isTrue();
        assertThat(marking.maySee(tj, correlation)).isTrue();
        assertThat(marking.maySee(uz, correlation)).isFalse();
        assertThat(marking.maySee(partner, correlation)).isFalse();
        assertThat(marking.blindEntry(uz, correlation)).isEqualTo(new SubjectMarking.BlindEntry("kz-cert", "KZ-CERT", Tlp.RED));
    }

    @Test
    void aCorrelationIsVisibleToWhoeverMaySeeOneHolderThatCarriesTheValue() {
        Subject correlation = correlation(List.of("kz-cert", "uz-cert"),
                List.of(new Holder("kz-cert", "TLP:GREEN", true), new Holder("uz-cert", "TLP:RED", true)));

        assertThat(correlation.tlp()).as("the strictest of its inputs").isEqualTo(Tlp.RED);
        assertThat(marking.maySee(tj, correlation)).isTrue();
        assertThat(marking.maySee(partner, correlation)).isTrue();
    }

    @Test
    void aRedNetworkAroundAGreenAddressIsNotVisibleThroughTheAddress() {
        Subject network = correlation(List.of("kz-cert", "uz-cert"),
                List.of(new Holder("kz-cert", "TLP:GREEN", false), new Holder("uz-cert", "TLP:RED", true)));

        assertThat(marking.maySee(uz, network)).isTrue();
        assertThat(marking.maySee(kz, network)).as("kz-cert holds only an address inside the network").isFalse();
        assertThat(marking.maySee(tj, network)).isFalse();
        assertThat(marking.blindEntry(kz, network)).isEqualTo(new SubjectMarking.BlindEntry("uz-cert", "UZ-CERT", Tlp.RED));
    }

    @Test
    void aCorrelationWithoutHoldersIsVisibleOnlyToItsCerts() {
        Subject legacy = correlation(List.of("kz-cert", "tj-cert"), List.of());

        assertThat(marking.maySee(kz, legacy)).isTrue();
        assertThat(marking.maySee(tj, legacy)).isTrue();
        assertThat(marking.maySee(uz, legacy)).isFalse();
        assertThat(marking.maySee(partner, legacy)).isFalse();
    }

    @Test
    void aHolderLevelThisHubDoesNotKnowCountsAsRed() {
        Subject correlation = correlation(List.of("kz-cert", "tj-cert"),
                List.of(new Holder("kz-cert", "TLP:PURPLE", true), new Holder("tj-cert", "TLP:RED", true)));

        assertThat(marking.maySee(uz, correlation)).isFalse();
    }

    private Subject incident(String owner, Tlp tlp) {
        return new Subject(SubjectKind.INCIDENT, "incident--6a1f3b9e-2c4d-4e8f-9a0b-1c2d3e4f5a6b", owner, "Lure", "", tlp,
                List.of("phishing"), null, List.of(), List.of(), List.of(owner), 0, List.of(), List.of(), null, List.of());
    }

    private Subject correlation(List<String> certs, List<Holder> holders) {
        return subjects.correlation(new CorrelationFound(CorrelationFound.SCHEMA_VERSION, "c0ffee", "ipv4", "203.0.113.7",
                "shared-value", certs.size(), certs, 60, T0, T0, holders));
    }

    private Principal principal(String id) {
        return community.find(id).orElseThrow();
    }
}
