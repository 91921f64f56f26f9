package org.certhub.playbook.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

import org.certhub.stix.Tlp;

/**
 * A trigger's conditions: all that are given must hold; a list condition holds when the subject has
 * any of its values (a technique also matches its sub-techniques).
 */
public record Conditions(List<String> types, Optional<Severity> minSeverity, Set<Tlp> tlp, List<String> sectors,
        List<String> countries, OptionalInt minCountries, OptionalInt minCerts, OptionalDouble minScore,
        List<String> observableTypes, List<String> techniques) {

    public Conditions {
        types = List.copyOf(types);
        tlp = Set.copyOf(tlp);
        sectors = List.copyOf(sectors);
        countries = List.copyOf(countries);
        observableTypes = List.copyOf(observableTypes);
        techniques = List.copyOf(techniques);
    }

    public static Conditions none() {
        return new Conditions(List.of(), Optional.empty(), Set.of(), List.of(), List.of(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalDouble.empty(), List.of(), List.of());
    }

    public boolean matches(Subject subject) {
        return anyOf(types, subject.types())
                && minSeverity.map(min -> subject.severityLevel().map(s -> s.compareTo(min) >= 0).orElse(false)).orElse(true)
                && (tlp.isEmpty() || tlp.contains(subject.tlp()))
                && anyOf(sectors, subject.sectors())
                && anyOf(countries, subject.countries())
                && (minCountries.isEmpty() || subject.countries().size() >= minCountries.getAsInt())
                && (minCerts.isEmpty() || subject.certs().size() >= minCerts.getAsInt())
                && (minScore.isEmpty() || subject.score() >= minScore.getAsDouble())
                && anyOf(observableTypes, subject.observableTypes())
                && (techniques.isEmpty() || subject.techniques().stream().anyMatch(this::namesTechnique));
    }

    private boolean namesTechnique(String technique) {
        String upper = technique.toUpperCase(Locale.ROOT);
        return techniques.stream().anyMatch(wanted -> upper.equals(wanted) || upper.startsWith(wanted + "."));
    }

    private static boolean anyOf(List<String> wanted, List<String> actual) {
        return wanted.isEmpty() || actual.stream().anyMatch(value -> wanted.stream().anyMatch(value::equalsIgnoreCase));
    }
}
