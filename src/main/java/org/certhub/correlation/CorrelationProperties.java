package org.certhub.correlation;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The correlation engine ({@code certhub.correlation.*}).
 *
 * @param enabled run both correlation consumers; off, the hub ingests and indexes without correlating
 * @param topics the topics the engine reads and writes
 * @param partitions partitions of the observations and correlations topics when the hub creates them
 * @param replicationFactor their replication when the hub creates them
 * @param concurrency consumer threads of each of the two stages in this hub instance
 * @param maxPollRecords most records handled in one batch (one Elasticsearch round trip: large, because a
 *     round trip waits behind the indexer's bulk requests whatever its size)
 * @param suppressedValues values too common to mean anything (public resolvers, loopback, private
 *     networks): their sightings are kept, marked suppressed, and never announced. IP networks
 *     here also suppress every address and smaller network inside them, a domain its sub-domains.
 * @param maxMembers a value seen in more incidents or reports than this is suppressed as too common
 * @param maxStoredMembers most members kept on one correlation; beyond it only a count grows, but a
 *     CERT not yet among the members always joins
 * @param maxObjectIdsPerMember most object ids kept per member
 * @param membersInSummary a correlation with at most this many members keeps them inside its summary
 *     document, without a document per member (most values are seen once or a few times)
 * @param cachedMembers most members held in memory over the correlations the merge stage keeps
 *     between batches (its cache of popular values; about 300 bytes a member)
 * @param maxBackOff longest pause between retries while Elasticsearch or Kafka are unavailable
 * @param containment which networks are narrow enough to contain the addresses sighted inside them
 */
@ConfigurationProperties("certhub.correlation")
@Validated
public record CorrelationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue @Valid @NotNull Topics topics,
        @DefaultValue("4") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("1") @Min(1) int concurrency,
        @DefaultValue("2000") @Min(1) int maxPollRecords,
        @DefaultValue({"8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "9.9.9.9", "149.112.112.112",
                "2001:4860:4860::8888", "2001:4860:4860::8844", "2606:4700:4700::1111", "127.0.0.1", "::1",
                "0.0.0.0", "255.255.255.255", "localhost", "example.com", "example.org", "example.net",
                "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "fc00::/7",
                "fe80::/10"}) @NotNull List<String> suppressedValues,
        @DefaultValue("500") @Min(2) int maxMembers,
        @DefaultValue("100") @Min(2) int maxStoredMembers,
        @DefaultValue("50") @Min(1) int maxObjectIdsPerMember,
        @DefaultValue("8") @Min(1) int membersInSummary,
        @DefaultValue("200000") @Min(0) int cachedMembers,
        @DefaultValue("30s") @NotNull Duration maxBackOff,
        @DefaultValue @Valid @NotNull Containment containment) {

    /**
     * @param observations one record per sighting of a value, keyed {@code type:value}
     * @param correlations {@link CorrelationFound} events, keyed by correlation id
     * @param deadLetter records either stage cannot read, with the reason
     */
    public record Topics(
            @DefaultValue("certhub.observations") @NotBlank String observations,
            @DefaultValue("certhub.correlations") @NotBlank String correlations,
            @DefaultValue("certhub.correlation.dlt") @NotBlank String deadLetter) {
    }

    /**
     * IP-in-network containment ({@code certhub.correlation.containment.*}). A network broader than
     * these prefixes (e.g. {@code 0.0.0.0/0}, a {@code /8}) never gains the addresses inside it as
     * members and is never answered as the network containing an address: one CERT reporting it at
     * a shareable level would otherwise make every address's sightings a correlation everyone may
     * see. It still correlates with the same network reported by others.
     *
     * @param minIpv4Prefix shortest IPv4 prefix length that contains addresses (0 to 32)
     * @param minIpv6Prefix shortest IPv6 prefix length that contains addresses (0 to 128)
     */
    public record Containment(
            @DefaultValue("16") @Min(0) @Max(32) int minIpv4Prefix,
            @DefaultValue("32") @Min(0) @Max(128) int minIpv6Prefix) {
    }
}
