package org.certhub.feed.subscription;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.certhub.stix.Tlp;
import org.certhub.stix.observable.ObservableType;
import org.certhub.web.ProblemError;

/**
 * What a subscriber or a stream asks for, on top of what the sharing policy lets it see. Empty
 * sets mean "any"; an object with any of the listed observable types matches that criterion.
 *
 * @param types STIX types, e.g. {@code indicator}
 * @param maxTlp the most restricted TLP level wanted, if limited
 * @param observableTypes observable kinds, e.g. {@code ipv4}, {@code sha256}
 */
public record FeedFilter(Set<String> types, Optional<Tlp> maxTlp, Set<ObservableType> observableTypes) {

    public static final FeedFilter ANY = new FeedFilter(Set.of(), Optional.empty(), Set.of());
    static final int MAX_ENTRIES = 50;
    private static final Pattern STIX_TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{1,249}");

    public FeedFilter {
        types = Set.copyOf(types);
        observableTypes = observableTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(observableTypes));
    }

    public boolean matches(SharedObject object) {
        return (types.isEmpty() || types.contains(object.type()))
                && maxTlp.map(max -> object.tlp().compareTo(max) <= 0).orElse(true)
                && (observableTypes.isEmpty() || object.observableTypes().stream().anyMatch(observableTypes::contains));
    }

    /** The observable types' API names, sorted, for JSON. */
    public List<String> observableTypeIds() {
        return observableTypes.stream().sorted().map(ObservableType::id).toList();
    }

    /**
     * Reads a filter from request values; every broken rule is added to {@code errors}, naming
     * {@code pointers.x()} and the entry's index where {@code indexed} is true.
     */
    public static FeedFilter parse(Collection<String> types, Optional<String> maxTlp, Collection<String> observableTypes,
            Pointers pointers, List<ProblemError> errors) {
        Set<String> stixTypes = new LinkedHashSet<>();
        Set<ObservableType> observables = EnumSet.noneOf(ObservableType.class);
        check(types.size() <= MAX_ENTRIES, pointers.types(), "max-entries", "At most " + MAX_ENTRIES + " types.", errors);
        check(observableTypes.size() <= MAX_ENTRIES, pointers.observableTypes(), "max-entries",
                "At most " + MAX_ENTRIES + " observable types.", errors);
        int index = 0;
        for (String type : types) {
            if (type != null && STIX_TYPE.matcher(type).matches()) {
                stixTypes.add(type);
            } else {
                errors.add(new ProblemError(pointers.entry(pointers.types(), index), "stix-type",
                        "Not a STIX type name (lower case letters, digits and hyphens)."));
            }
            index++;
        }
        index = 0;
        for (String id : observableTypes) {
            int position = index;
            Optional<ObservableType> type = Optional.ofNullable(id).flatMap(ObservableType::fromId);
            type.ifPresentOrElse(observables::add, () -> errors.add(new ProblemError(
                    pointers.entry(pointers.observableTypes(), position), "observable-type", "Unknown observable type; one of "
                            + Arrays.stream(ObservableType.values()).map(ObservableType::id).toList() + ".")));
            index++;
        }
        Optional<Tlp> max = Optional.empty();
        if (maxTlp.isPresent()) {
            max = tlp(maxTlp.get());
            if (max.isEmpty()) {
                errors.add(new ProblemError(pointers.maxTlp(), "tlp-level",
                        "One of TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED."));
            }
        }
        return new FeedFilter(stixTypes, max, observables);
    }

    /** A TLP level by its label ({@code TLP:AMBER+STRICT}) or bare name ({@code amber}), any case; WHITE is CLEAR. */
    static Optional<Tlp> tlp(String label) {
        String name = label.toUpperCase(Locale.ROOT).replaceFirst("^TLP:", "").replace('+', '_');
        if (name.equals("WHITE")) {
            return Optional.of(Tlp.CLEAR);
        }
        for (Tlp tlp : Tlp.values()) {
            if (tlp.name().equals(name)) {
                return Optional.of(tlp);
            }
        }
        return Optional.empty();
    }

    private static void check(boolean ok, String pointer, String rule, String message, List<ProblemError> errors) {
        if (!ok) {
            errors.add(new ProblemError(pointer, rule, message));
        }
    }

    /**
     * Where each part of a filter came from in the request: JSON pointers into a body
     * ({@code /filter/types}, indexed) or query parameter names (not indexed).
     */
    public record Pointers(String types, String maxTlp, String observableTypes, boolean indexed) {

        public static final Pointers BODY = new Pointers("/filter/types", "/filter/max_tlp", "/filter/observable_types", true);

        String entry(String pointer, int index) {
            return indexed ? pointer + "/" + index : pointer;
        }
    }
}
