package org.certhub.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Index settings ({@code certhub.search.*}).
 *
 * @param replicas replicas per shard: 0 for a single-node cluster (the embedded one), 1 or more in production
 * @param refreshInterval how soon an indexed object becomes searchable
 * @param correlationsRefreshInterval how soon a new or grown correlation becomes searchable: shorter,
 *     because a new cross-CERT match is what responders wait for, and its summary index is small
 */
@ConfigurationProperties("certhub.search")
public record SearchProperties(
        @DefaultValue("0") int replicas,
        @DefaultValue("1s") Duration refreshInterval,
        @DefaultValue("250ms") Duration correlationsRefreshInterval) {

    /** The refresh interval of the index behind {@code alias}. */
    Duration refreshIntervalOf(String alias) {
        return alias.equals(SearchIndices.CORRELATIONS) ? correlationsRefreshInterval : refreshInterval;
    }
}
