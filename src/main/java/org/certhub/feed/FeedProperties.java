package org.certhub.feed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.certhub.stix.Tlp;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The partner feed ({@code certhub.feed.*}).
 *
 * @param scopes the shared collections and topics, each a set of TLP levels; default {@code public}
 *     (CLEAR), {@code community} (CLEAR, GREEN), {@code members} (CLEAR, GREEN, AMBER; members only)
 * @param perCertCollections whether each CERT has a collection of everything it submitted, which
 *     only it reads and writes
 * @param tokenSecret the key that signs paging tokens (at least 32 characters); when absent, a
 *     random one is kept in {@code tokenSecretFile}, so tokens survive a restart
 * @param tokenSecretFile where the generated key is kept (mode 0600)
 * @param taxii the TAXII 2.1 server
 * @param kafka the per-scope Kafka topics
 */
@ConfigurationProperties("certhub.feed")
@Validated
public record FeedProperties(
        @Valid List<Scope> scopes,
        @DefaultValue("true") boolean perCertCollections,
        String tokenSecret,
        @DefaultValue("data/feed-token-secret") @NotNull Path tokenSecretFile,
        @DefaultValue @Valid @NotNull Taxii taxii,
        @DefaultValue @Valid @NotNull Kafka kafka) {

    public FeedProperties {
        scopes = scopes == null || scopes.isEmpty() ? defaultScopes() : List.copyOf(scopes);
        tokenSecret = tokenSecret == null || tokenSecret.isBlank() ? null : tokenSecret;
        if (tokenSecret != null && tokenSecret.length() < 32) {
            throw new IllegalArgumentException("certhub.feed.token-secret must have at least 32 characters");
        }
    }

    /** The configured paging-token key, if one is configured. */
    public Optional<String> configuredTokenSecret() {
        return Optional.ofNullable(tokenSecret);
    }

    private static List<Scope> defaultScopes() {
        return List.of(
                new Scope("public", "Public", "TLP:CLEAR objects of every CERT", Set.of(Tlp.CLEAR), false),
                new Scope("community", "Community", "TLP:CLEAR and TLP:GREEN objects of every CERT",
                        Set.of(Tlp.CLEAR, Tlp.GREEN), false),
                new Scope("members", "Members", "TLP:CLEAR, TLP:GREEN and TLP:AMBER objects, for member CERTs",
                        Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER), true));
    }

    /**
     * One sharing scope: a TAXII collection and a Kafka topic carrying every CERT's objects at these
     * TLP levels. AMBER+STRICT and RED are never in a scope; a scope with AMBER is for members only.
     *
     * @param name the collection's alias and the topic's suffix, e.g. {@code community}
     * @param tlp the levels it carries
     * @param membersOnly whether only community members may read it
     */
    public record Scope(@NotBlank String name, @NotBlank String title, String description, @NotEmpty Set<Tlp> tlp,
            boolean membersOnly) {

        public Scope {
            if ("correlations".equals(name)) {
                throw new IllegalArgumentException("Feed scope correlations: the name is the correlations collection's");
            }
            tlp = EnumSet.copyOf(tlp);
            if (tlp.contains(Tlp.AMBER_STRICT) || tlp.contains(Tlp.RED)) {
                throw new IllegalArgumentException("Feed scope " + name + ": TLP:AMBER+STRICT and TLP:RED never leave through a feed");
            }
            if (tlp.contains(Tlp.AMBER) && !membersOnly) {
                throw new IllegalArgumentException("Feed scope " + name + ": TLP:AMBER reaches members only (members-only: true)");
            }
            tlp = Set.copyOf(tlp);
            description = description == null ? "" : description;
        }

        /** Whether an object at this level belongs in the scope. */
        public boolean carries(Tlp level) {
            return tlp.contains(level);
        }
    }

    /**
     * @param title the discovery resource's title
     * @param maxPageSize most objects in one page ({@code limit} is capped to it)
     */
    public record Taxii(
            @DefaultValue("certhub TAXII 2.1") @NotBlank String title,
            @DefaultValue("1000") @Min(1) @Max(10000) int maxPageSize) {
    }

    /**
     * @param enabled whether the scope topics are filled
     * @param topicPrefix a scope's topic is the prefix and its name: {@code certhub.feed.community}
     * @param partitions partitions of each scope topic when the hub creates it
     * @param retention how long partners can replay a scope topic
     */
    public record Kafka(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("certhub.feed.") @NotBlank String topicPrefix,
            @DefaultValue("4") @Min(1) int partitions,
            @DefaultValue("30d") @NotNull Duration retention) {

        public String topicOf(Scope scope) {
            return topicPrefix + scope.name();
        }

        /** What the feed did with each playbook publication request ({@code PublicationOutcome}, keyed by run id). */
        public String publicationOutcomesTopic() {
            return topicPrefix + "publication-outcomes";
        }

        /** Where a publication request that cannot be read goes, with its reason. */
        public String publicationsDeadLetterTopic() {
            return topicPrefix + "publications.dlt";
        }
    }
}
