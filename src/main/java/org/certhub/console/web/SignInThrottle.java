package org.certhub.console.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.certhub.console.ConsoleProperties;

/**
 * Counts wrong passwords per username and client address: after {@code maxFailures} within
 * {@code window}, sign-in for that pair is refused for {@code lockout}, so that a password cannot be
 * guessed online. Per pair rather than per username, so that someone elsewhere cannot lock a
 * responder out of the console. Kept in memory: a restart forgets it, which costs a guesser little.
 */
final class SignInThrottle {

    private final ConsoleProperties.SignIn limits;
    private final Clock clock;
    private final Map<String, Failures> failures = new HashMap<>();

    SignInThrottle(ConsoleProperties.SignIn limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Whether sign-in for this username from this address is refused now. */
    synchronized boolean refuses(String username, String address) {
        Failures known = failures.get(key(username, address));
        return known != null && known.lockedUntil != null && clock.instant().isBefore(known.lockedUntil);
    }

    synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        String key = key(username, address);
        if (!failures.containsKey(key) && failures.size() >= limits.maxTracked()) {
            failures.values().removeIf(known -> known.expired(now, limits));
            if (failures.size() >= limits.maxTracked()) {
                return;
            }
        }
        Failures known = failures.computeIfAbsent(key, k -> new Failures());
        known.at.removeIf(at -> !at.isAfter(now.minus(limits.window())));
        known.at.addLast(now);
        if (known.at.size() >= limits.maxFailures()) {
            known.lockedUntil = now.plus(limits.lockout());
            known.at.clear();
        }
    }

    synchronized void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private static String key(String username, String address) {
        return username.toLowerCase(java.util.Locale.ROOT) + "\n" + address;
    }

    private static final class Failures {
        final Deque<Instant> at = new ArrayDeque<>();
        Instant lockedUntil;

        boolean expired(Instant now, ConsoleProperties.SignIn limits) {
            boolean locked = lockedUntil != null && now.isBefore(lockedUntil);
            return !locked && (at.isEmpty() || !at.peekLast().isAfter(now.minus(limits.window())));
        }
    }
}
