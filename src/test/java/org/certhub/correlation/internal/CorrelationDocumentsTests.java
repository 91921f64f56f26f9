package org.certhub.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.certhub.correlation.ObservationRecorded;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CorrelationDocumentsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final String NETWORK = "198.51.100.16/28";

    private final Correlation network = Correlation.empty("cidr", NETWORK).merge(List.of(
            new ObservationRecorded(1, "cidr", NETWORK, "uz-cert", "report--uz", "indicator--net", "TLP:RED", T0, ""),
            new ObservationRecorded(1, "cidr", NETWORK, "kz-cert", "report--kz", "indicator--addr", "TLP:GREEN", T0,
                    "198.51.100.20")), new Suppression(List.of(), 100), new Correlation.Limits(100, 10));

    @Test
    void aSummaryKeepsWhichGroupsAndMembersCarryTheValue() {
        JsonNode doc = JSON.readTree(CorrelationDocuments.toJson(network, List.copyOf(network.members().values()), T0));

        Correlation read = CorrelationDocuments.fromJson(doc);

        assertThat(read.groups()).isEqualTo(network.groups());
        assertThat(read.members()).isEqualTo(network.members());
        assertThat(read.valueHolders()).extracting(Group::owner).containsExactly("uz-cert");
        assertThat(doc.path("value_owners").toString()).isEqualTo("[\"uz-cert\"]");
        assertThat(doc.path("value_tlps").toString()).isEqualTo("[\"TLP:RED\"]");
        assertThat(doc.path("member_owners").toString()).isEqualTo("[\"kz-cert\",\"uz-cert\"]");
        assertThat(doc.path("cidr_prefix").asInt()).isEqualTo(96 + 28);
    }

    @Test
    void aMemberDocumentKeepsWhetherItCarriesTheValue() {
        for (Member member : network.members().values()) {
            assertThat(CorrelationDocuments.memberFromJson(JSON.readTree(CorrelationDocuments.memberToJson(network.id(),
                    member, 0)))).isEqualTo(member);
        }
    }

    @Test
    void anOlderSummaryWithoutContainmentHasEveryMemberCarryTheValue() {
        Correlation address = Correlation.empty("ipv4", "198.51.100.7").merge(List.of(
                new ObservationRecorded(1, "ipv4", "198.51.100.7", "kz-cert", "r1", "i1", "TLP:GREEN", T0, ""),
                new ObservationRecorded(1, "ipv4", "198.51.100.7", "uz-cert", "r2", "i2", "TLP:RED", T0, "")),
                new Suppression(List.of(), 100), new Correlation.Limits(100, 10));

        Correlation read = CorrelationDocuments.fromJson(olderRelease(address, true));

        assertThat(read.valueHolders()).isEqualTo(address.groups());
    }

    @Test
    void anOlderNetworkSummaryHoldingItsMembersIsCountedAgainFromThem() {
        Correlation read = CorrelationDocuments.fromJson(olderRelease(network, true));

        assertThat(read.valueHolders()).extracting(Group::owner).containsExactly("uz-cert");
        assertThat(read.groups()).isEqualTo(network.groups());
    }

    @Test
    void anOlderNetworkSummaryWithoutItsMembersIsVisibleToNoOne() {
        Correlation read = CorrelationDocuments.fromJson(olderRelease(network, false));

        assertThat(read.valueHolders()).isEmpty();
        assertThat(read.groups()).hasSize(2);
    }

    /** The summary as the release before value holders wrote it. */
    private static JsonNode olderRelease(Correlation correlation, boolean holdingMembers) {
        ObjectNode doc = (ObjectNode) JSON.readTree(CorrelationDocuments.toJson(correlation,
                holdingMembers ? List.copyOf(correlation.members().values()) : List.of(), T0));
        doc.remove(List.of("value_owners", "value_tlps", "cidr_prefix"));
        doc.path("groups").forEach(group -> ((ObjectNode) group).remove("carries_value"));
        doc.path("held_members").forEach(member -> ((ObjectNode) member).remove("carries_value"));
        return doc;
    }
}
