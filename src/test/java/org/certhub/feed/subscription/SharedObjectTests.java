package org.certhub.feed.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.certhub.stix.Tlp;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.Role;
import org.certhub.tenancy.SharingPolicy;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The feed's TLP matrix: every level × own CERT, other member CERT, partner, partner configured as member. */
class SharedObjectTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SharingPolicy policy = new SharingPolicy();
    private final Principal owner = principal("kz-cert", PrincipalKind.CERT, true);
    private final Principal member = principal("uz-cert", PrincipalKind.CERT, true);
    private final Principal partner = principal("regional-soc", PrincipalKind.PARTNER, false);
    private final Principal memberPartner = principal("trusted-soc", PrincipalKind.PARTNER, true);

    @Test
    void ownerReceivesItsOwnObjectsAtEveryLevel() {
        for (Tlp tlp : Tlp.values()) {
            assertThat(object(tlp).mayReach(owner, policy)).as(tlp.label()).isTrue();
        }
    }

    @Test
    void memberCertReceivesUpToAmberOfOthers() {
        assertThat(reached(member)).containsExactly(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER);
        assertThat(reached(memberPartner)).containsExactly(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER);
    }

    @Test
    void partnerReceivesClearAndGreenOnly() {
        assertThat(reached(partner)).containsExactly(Tlp.CLEAR, Tlp.GREEN);
    }

    @Test
    void unmarkedMarkingDefinitionsAreAmberUnlessTlpDefinitions() {
        assertThat(SharedObject.of(JSON.readTree("{\"type\":\"marking-definition\",\"id\":\""
                + Tlp.RED.markingDefinitionId() + "\"}"), "kz-cert").tlp()).isEqualTo(Tlp.CLEAR);
        assertThat(SharedObject.of(JSON.readTree("{\"type\":\"marking-definition\",\"id\":"
                + "\"marking-definition--0b0e5f6e-4a9f-4a3b-9d5e-9a1e6d2b2c11\"}"), "kz-cert").tlp()).isEqualTo(Tlp.AMBER);
    }

    private List<Tlp> reached(Principal viewer) {
        return Arrays.stream(Tlp.values()).filter(tlp -> object(tlp).mayReach(viewer, policy)).toList();
    }

    private static SharedObject object(Tlp tlp) {
        return SharedObject.of(JSON.readTree("{\"type\":\"malware\",\"id\":\"malware--1\",\"object_marking_refs\":[\""
                + tlp.markingDefinitionId() + "\"]}"), "kz-cert");
    }

    private static Principal principal(String id, PrincipalKind kind, boolean member) {
        return new Principal(id, kind, Set.of(Role.FEED_READER), "identity--" + id, member, Tlp.AMBER, id,
                Optional.empty(), Instant.EPOCH);
    }
}
