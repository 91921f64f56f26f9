package org.certhub.feed.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.certhub.feed.FeedProperties.Scope;
import org.certhub.stix.Tlp;
import org.junit.jupiter.api.Test;

class PublicationRulesTests {

    private static final List<Scope> SCOPES = List.of(
            new Scope("public", "Public", "", Set.of(Tlp.CLEAR), false),
            new Scope("community", "Community", "", Set.of(Tlp.CLEAR, Tlp.GREEN), false),
            new Scope("members", "Members", "", Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER), true));

    @Test
    void allowsASubjectIntoAScopeThatCarriesItsLevel() {
        PublicationRules.Decision decision = PublicationRules.decide("community", Tlp.GREEN, Tlp.GREEN, SCOPES);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.tlp()).isEqualTo(Tlp.GREEN);
    }

    @Test
    void refusesRedAndAmberStrictEverywhere() {
        for (Scope scope : SCOPES) {
            assertThat(PublicationRules.decide(scope.name(), Tlp.RED, Tlp.RED, SCOPES).allowed()).isFalse();
            assertThat(PublicationRules.decide(scope.name(), Tlp.AMBER_STRICT, Tlp.GREEN, SCOPES).allowed()).isFalse();
        }
    }

    @Test
    void neverWidensTheSubjectsOwnMarking() {
        PublicationRules.Decision decision = PublicationRules.decide("public", Tlp.CLEAR, Tlp.RED, SCOPES);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.tlp()).isEqualTo(Tlp.RED);
        assertThat(decision.refusal()).hasValueSatisfying(reason -> assertThat(reason).contains("own marking")
                .contains("TLP:CLEAR was asked").contains("carries only TLP:CLEAR"));
    }

    @Test
    void refusesACollectionThatIsNoScope() {
        assertThat(PublicationRules.decide("kz-cert", Tlp.CLEAR, Tlp.CLEAR, SCOPES).refusal())
                .hasValueSatisfying(reason -> assertThat(reason).contains("not a sharing scope"));
    }
}
