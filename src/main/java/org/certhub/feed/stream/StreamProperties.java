package org.certhub.feed.stream;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live stream ({@code certhub.feed.stream.*}).
 *
 * @param heartbeat how often an idle stream sends a comment line, so that proxies keep it open
 * @param maxPerPrincipal most concurrent streams of one principal on one hub instance
 * @param maxStreams most concurrent streams on one hub instance
 * @param maxDuration how long one connection lasts; the client reconnects with {@code Last-Event-ID}
 */
@ConfigurationProperties("certhub.feed.stream")
@Validated
public record StreamProperties(
        @DefaultValue("15s") @NotNull Duration heartbeat,
        @DefaultValue("3") @Min(1) int maxPerPrincipal,
        @DefaultValue("200") @Min(1) int maxStreams,
        @DefaultValue("1h") @NotNull Duration maxDuration) {
}
