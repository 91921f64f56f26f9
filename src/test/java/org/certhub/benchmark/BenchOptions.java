package org.certhub.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --name=value} options of the benchmark tools, each read with its default. An option no
 * tool knows is refused, so that a typo does not silently run the defaults.
 */
final class BenchOptions {

    /** The system property the Maven profile passes the options in (one string, split on blanks). */
    static final String ARGS_PROPERTY = "bench.args";

    private final Map<String, String> values;
    private final Set<String> known;

    private BenchOptions(Map<String, String> values, Set<String> known) {
        this.values = values;
        this.known = known;
    }

    /** Parses {@code args}; each must be {@code --name=value} (or {@code --name}, meaning true) with a known name. */
    static BenchOptions parse(String[] args, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: --" + String.join(", --", known));
            }
            values.put(name, eq < 0 ? "true" : arg.substring(eq + 1));
        }
        return new BenchOptions(values, known);
    }

    /** The arguments the Maven profile passed, or none. */
    static String[] fromSystemProperty() {
        String args = System.getProperty(ARGS_PROPERTY, "").trim();
        return args.isEmpty() ? new String[0] : Arrays.stream(args.split("\\s+")).toArray(String[]::new);
    }

    Optional<String> string(String name) {
        requireKnown(name);
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    int integer(String name, int defaultValue) {
        return string(name).map(Integer::parseInt).orElse(defaultValue);
    }

    long longValue(String name, long defaultValue) {
        return string(name).map(Long::parseLong).orElse(defaultValue);
    }

    double decimal(String name, double defaultValue) {
        return string(name).map(Double::parseDouble).orElse(defaultValue);
    }

    boolean flag(String name) {
        return string(name).map(Boolean::parseBoolean).orElse(false);
    }

    /** A duration written {@code 60s}, {@code 2m}, {@code 500ms} or ISO-8601 ({@code PT1M}). */
    Duration duration(String name, Duration defaultValue) {
        return string(name).map(BenchOptions::parseDuration).orElse(defaultValue);
    }

    static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase();
        if (value.startsWith("pt")) {
            return Duration.parse(value.toUpperCase());
        }
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("not a duration: " + text + " (use 60s, 2m, 500ms)");
        };
    }

    private void requireKnown(String name) {
        if (!known.contains(name)) {
            throw new IllegalStateException("option --" + name + " is not declared");
        }
    }
}
