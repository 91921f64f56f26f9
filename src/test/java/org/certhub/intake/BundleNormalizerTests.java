package org.certhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.certhub.stix.Tlp;
import org.certhub.web.ProblemError;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class BundleNormalizerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KZ = "identity--11111111-1111-4111-8111-111111111111";
    private static final String UZ = "identity--22222222-2222-4222-8222-222222222222";
    private static final Set<String> OTHER_CERTS = Set.of(UZ);

    @Test
    void attributesObjectsWithoutCreatorToTheSubmitter() {
        ObjectNode bundle = bundle("{\"type\":\"indicator\",\"id\":\"indicator--1\",\"created\":\"2026-01-01T00:00:00.000Z\"}");

        List<ProblemError> errors = BundleNormalizer.normalize(bundle, KZ, Tlp.AMBER, OTHER_CERTS::contains);

        assertThat(errors).isEmpty();
        assertThat(bundle.at("/objects/0/created_by_ref").asString()).isEqualTo(KZ);
    }

    @Test
    void leavesScosWithoutCreatorProperty() {
        ObjectNode bundle = bundle("{\"type\":\"ipv4-addr\",\"id\":\"ipv4-addr--1\",\"value\":\"203.0.113.7\"}");

        BundleNormalizer.normalize(bundle, KZ, Tlp.AMBER, OTHER_CERTS::contains);

        assertThat(bundle.at("/objects/0").has("created_by_ref")).isFalse();
        assertThat(bundle.at("/objects/0/object_marking_refs/0").asString()).isEqualTo(Tlp.AMBER.markingDefinitionId());
    }

    @Test
    void givesTheDefaultTlpOnlyToObjectsWithoutAnyTlpMarking() {
        String statement = "marking-definition--33333333-3333-4333-8333-333333333333";
        ObjectNode bundle = bundle(
                "{\"type\":\"malware\",\"id\":\"malware--1\",\"created\":\"2026-01-01T00:00:00.000Z\",\"object_marking_refs\":[\""
                        + statement + "\"]}",
                "{\"type\":\"malware\",\"id\":\"malware--2\",\"created\":\"2026-01-01T00:00:00.000Z\",\"object_marking_refs\":[\""
                        + Tlp.RED.markingDefinitionId() + "\"]}");

        BundleNormalizer.normalize(bundle, KZ, Tlp.AMBER, OTHER_CERTS::contains);

        assertThat(bundle.at("/objects/0/object_marking_refs").toString())
                .contains(statement).contains(Tlp.AMBER.markingDefinitionId());
        assertThat(bundle.at("/objects/1/object_marking_refs").size()).isEqualTo(1);
    }

    @Test
    void reportsObjectsClaimingAnotherCertsIdentity() {
        ObjectNode bundle = bundle(
                "{\"type\":\"report\",\"id\":\"report--1\",\"created\":\"2026-01-01T00:00:00.000Z\",\"created_by_ref\":\"" + UZ + "\"}",
                "{\"type\":\"identity\",\"id\":\"" + UZ + "\",\"created\":\"2026-01-01T00:00:00.000Z\",\"name\":\"UZCERT\"}");

        List<ProblemError> errors = BundleNormalizer.normalize(bundle, KZ, Tlp.AMBER, OTHER_CERTS::contains);

        assertThat(errors).extracting(ProblemError::pointer, ProblemError::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/objects/0/created_by_ref", "impersonation"),
                org.assertj.core.groups.Tuple.tuple("/objects/1/id", "impersonation"));
    }

    @Test
    void acceptsObjectsCreatedByNonMemberIdentities() {
        String victim = "identity--44444444-4444-4444-8444-444444444444";
        ObjectNode bundle = bundle("{\"type\":\"note\",\"id\":\"note--1\",\"created\":\"2026-01-01T00:00:00.000Z\",\"created_by_ref\":\""
                + victim + "\"}");

        assertThat(BundleNormalizer.normalize(bundle, KZ, Tlp.AMBER, OTHER_CERTS::contains)).isEmpty();
        assertThat(bundle.at("/objects/0/created_by_ref").asString()).isEqualTo(victim);
    }

    private static ObjectNode bundle(String... objects) {
        return (ObjectNode) JSON.readTree("{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[" + String.join(",", objects) + "]}");
    }
}
