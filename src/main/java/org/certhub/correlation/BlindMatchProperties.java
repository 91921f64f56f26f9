package org.certhub.correlation;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.certhub.notify.NotificationRequested;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Blind matches ({@code certhub.correlation.blind-matches.*}): the ledger of who was told that
 * another CERT holds a restricted value, and the daily budget of such reveals.
 *
 * @param enabled false: blind entries are shown as before, unrecorded and unlimited
 * @param dailyBudget distinct blind reveals (owner, value) a principal may get per UTC day, over
 *     lookups, searches and correlations alike
 * @param cacheSize reveals of the day this instance remembers as recorded, so that showing them
 *     again costs no Elasticsearch round trip (about 200 bytes each)
 * @param noticeChannels how the owner's notice goes out besides its inbox
 *     ({@code kafka}, {@code email}, {@code webhook})
 * @param notifyRequestsTopic the notify module's request topic, where the owners' notices go
 */
@ConfigurationProperties("certhub.correlation.blind-matches")
@Validated
public record BlindMatchProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200") @Min(1) int dailyBudget,
        @DefaultValue("100000") @Min(1) int cacheSize,
        @DefaultValue("kafka") @NotEmpty List<String> noticeChannels,
        @DefaultValue(NotificationRequested.DEFAULT_TOPIC) @NotBlank String notifyRequestsTopic) {

    public BlindMatchProperties {
        noticeChannels = List.copyOf(noticeChannels);
    }
}
