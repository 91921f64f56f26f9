package org.certhub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.certhub.stix.Tlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SharingPolicyTests {

    private static final Principal MEMBER_CERT = Principals.cert("kz-cert");
    private static final Principal NON_MEMBER_CERT =
            Principals.principal("xx-cert", PrincipalKind.CERT, false, Set.of(Role.SUBMITTER));
    private static final Principal PARTNER = Principals.partner("regional-soc", false);
    private static final Principal MEMBER_PARTNER = Principals.partner("trusted-soc", true);
    private static final Principal ADMIN = Principals.admin("admin");
    private static final String OTHER_CERT = "uz-cert";

    private final SharingPolicy policy = new SharingPolicy();

    /** Every viewer x every TLP level, for another CERT's object: what the viewer may see. */
    static Stream<Arguments> othersObjects() {
        return Stream.of(
                Arguments.of("member CERT", MEMBER_CERT, Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER)),
                Arguments.of("non-member CERT", NON_MEMBER_CERT, Set.of(Tlp.CLEAR, Tlp.GREEN)),
                Arguments.of("partner", PARTNER, Set.of(Tlp.CLEAR, Tlp.GREEN)),
                Arguments.of("member partner", MEMBER_PARTNER, Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER)),
                Arguments.of("admin", ADMIN, Set.of(Tlp.CLEAR, Tlp.GREEN)));
    }

    @ParameterizedTest(name = "{0} sees others'' {2}")
    @MethodSource("othersObjects")
    void othersObjectsAreVisibleOnlyAtTheLevelsTheViewerIsCleared(String viewerName, Principal viewer,
            Set<Tlp> visible) {
        for (Tlp tlp : Tlp.values()) {
            assertThat(policy.maySee(viewer, OTHER_CERT, tlp)).as("%s, %s", viewerName, tlp.label())
                    .isEqualTo(visible.contains(tlp));
        }
    }

    @ParameterizedTest(name = "{0} sees all of its own")
    @MethodSource("othersObjects")
    void everyPrincipalSeesAllOfItsOwnObjects(String viewerName, Principal viewer, Set<Tlp> ignored) {
        for (Tlp tlp : Tlp.values()) {
            assertThat(policy.maySee(viewer, viewer.id(), tlp)).as("%s, own %s", viewerName, tlp.label()).isTrue();
        }
    }

    @Test
    void amberStrictAndRedOfOthersAreNeverVisible() {
        for (Principal viewer : List.of(MEMBER_CERT, NON_MEMBER_CERT, PARTNER, MEMBER_PARTNER, ADMIN)) {
            assertThat(policy.maySee(viewer, OTHER_CERT, Tlp.AMBER_STRICT)).isFalse();
            assertThat(policy.maySee(viewer, OTHER_CERT, Tlp.RED)).isFalse();
        }
    }

    @Test
    void audienceCarriesTheViewerAndTheLevelsOfOthersItMaySee() {
        SharingPolicy.Audience audience = policy.audienceOf(MEMBER_CERT);

        assertThat(audience.principalId()).isEqualTo("kz-cert");
        assertThat(audience.othersLevels()).containsExactly(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER);
        assertThat(policy.audienceOf(ADMIN).othersLevels()).containsExactly(Tlp.CLEAR, Tlp.GREEN);
    }

    @Test
    void adminIsNotClearedForAmberEvenWhenMarkedAsMember() {
        Principal memberAdmin = Principals.principal("root", PrincipalKind.ADMIN, true, Set.of(Role.ADMIN));

        assertThat(policy.maySee(memberAdmin, OTHER_CERT, Tlp.AMBER)).isFalse();
    }

    @Test
    void unmarkedObjectTakesTheSubmittersDefaultTlp() {
        assertThat(policy.effectiveTlp(List.of(), MEMBER_CERT)).isEqualTo(Tlp.AMBER);
        assertThat(policy.effectiveTlp(List.of("marking-definition--not-a-tlp-one"), MEMBER_CERT)).isEqualTo(Tlp.AMBER);
    }

    @Test
    void markedObjectTakesItsStrictestTlpMarking() {
        assertThat(policy.effectiveTlp(List.of(Tlp.GREEN.markingDefinitionId(), Tlp.RED.markingDefinitionId()),
                MEMBER_CERT)).isEqualTo(Tlp.RED);
        assertThat(policy.effectiveTlp(List.of(Tlp.CLEAR.markingDefinitionId()), MEMBER_CERT)).isEqualTo(Tlp.CLEAR);
    }
}
