package org.certhub.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.certhub.stix.Tlp;
import org.junit.jupiter.api.Test;

class FeedPropertiesTests {

    @Test
    void noScopeMayCarryRedOrAmberStrict() {
        assertThatThrownBy(() -> new FeedProperties.Scope("leak", "Leak", "", Set.of(Tlp.GREEN, Tlp.RED), true))
                .hasMessageContaining("never leave");
        assertThatThrownBy(() -> new FeedProperties.Scope("leak", "Leak", "", Set.of(Tlp.AMBER_STRICT), true))
                .hasMessageContaining("never leave");
    }

    @Test
    void aScopeWithAmberIsForMembersOnly() {
        assertThatThrownBy(() -> new FeedProperties.Scope("open", "Open", "", Set.of(Tlp.AMBER), false))
                .hasMessageContaining("members");
    }

    @Test
    void noScopeMayTakeTheCorrelationsCollectionsName() {
        assertThatThrownBy(() -> new FeedProperties.Scope("correlations", "C", "", Set.of(Tlp.CLEAR), false))
                .hasMessageContaining("correlations collection");
    }

    @Test
    void defaultScopesArePublicCommunityAndMembers() {
        FeedProperties defaults = new FeedProperties(null, true, null, java.nio.file.Path.of("x"),
                new FeedProperties.Taxii("t", 1000),
                new FeedProperties.Kafka(true, "certhub.feed.", 1, java.time.Duration.ofDays(1)));
        assertThat(defaults.scopes()).extracting(FeedProperties.Scope::name).containsExactly("public", "community", "members");
        assertThat(defaults.kafka().topicOf(defaults.scopes().get(2))).isEqualTo("certhub.feed.members");
    }
}
