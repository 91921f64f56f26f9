package org.certhub.console;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the responders' console ({@code certhub.console.*}).
 *
 * @param signIn how many wrong passwords a username may get from one address before sign-in is refused for a while
 */
@ConfigurationProperties("certhub.console")
@Validated
public record ConsoleProperties(@DefaultValue @Valid @NotNull SignIn signIn) {

    /**
     * @param maxFailures wrong passwords for one username from one address within {@code window} that lock it
     * @param window how far back failures count
     * @param lockout how long sign-in for that username from that address is refused once locked (even with the right password)
     * @param maxTracked how many username and address pairs are remembered at most (expired ones are forgotten first)
     */
    public record SignIn(
            @DefaultValue("5") @Min(1) int maxFailures,
            @DefaultValue("5m") @NotNull Duration window,
            @DefaultValue("15m") @NotNull Duration lockout,
            @DefaultValue("100000") @Min(1) int maxTracked) {
    }
}
