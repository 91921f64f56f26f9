package org.certhub.feed.taxii;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.certhub.web.RequestParameters;
import org.springframework.http.HttpStatus;

/**
 * The filters of a TAXII objects or manifest request: {@code added_after}, {@code match[id]},
 * {@code match[type]}, {@code match[version]} ({@code last} by default; {@code first}, {@code all}
 * or version timestamps, combinable) and {@code match[spec_version]} (the hub holds STIX 2.1 only).
 */
record ObjectSelection(Optional<Instant> addedAfter, List<String> ids, List<String> types, boolean last,
        boolean first, boolean all, List<String> versions, boolean specVersionMatches) {

    static final String ADDED_AFTER = "added_after";
    static final String MATCH_ID = "match[id]";
    static final String MATCH_TYPE = "match[type]";
    static final String MATCH_VERSION = "match[version]";
    static final String MATCH_SPEC_VERSION = "match[spec_version]";

    static ObjectSelection of(Map<String, String[]> parameters) {
        List<ProblemError> errors = new ArrayList<>();
        Optional<Instant> addedAfter = single(parameters, ADDED_AFTER).flatMap(value -> timestamp(value, ADDED_AFTER, errors));
        List<String> ids = values(parameters, MATCH_ID);
        List<String> types = values(parameters, MATCH_TYPE);
        List<String> versionValues = values(parameters, MATCH_VERSION);
        boolean last = versionValues.isEmpty() || versionValues.contains("last");
        boolean first = versionValues.contains("first");
        boolean all = versionValues.contains("all");
        List<String> versions = new ArrayList<>();
        for (String value : versionValues) {
            if (!value.equals("last") && !value.equals("first") && !value.equals("all")) {
                timestamp(value, MATCH_VERSION, errors).ifPresent(instant -> versions.add(value));
            }
        }
        List<String> specVersions = values(parameters, MATCH_SPEC_VERSION);
        boolean specVersionMatches = specVersions.isEmpty() || specVersions.contains("2.1");
        if (!errors.isEmpty()) {
            throw badRequest(errors);
        }
        return new ObjectSelection(addedAfter, ids, types, last, first, all, List.copyOf(versions), specVersionMatches);
    }

    /** The selection of one object's versions ({@code objects/{id}/} and its {@code versions/}). */
    ObjectSelection ofObject(String id) {
        return new ObjectSelection(addedAfter, List.of(id), types, last, first, all, versions, specVersionMatches);
    }

    /** Every version, whatever {@code match[version]} said (the versions endpoint lists them all). */
    ObjectSelection allVersions() {
        return new ObjectSelection(addedAfter, ids, types, false, false, true, List.of(), specVersionMatches);
    }

    /** Whether only current versions are asked for: the objects index alone answers. */
    boolean currentOnly() {
        return last && !first && !all && versions.isEmpty();
    }

    /**
     * The filter as a canonical string, which a paging token is bound to: a token continues the
     * listing it came from, never another one. {@code added_after} is part of it.
     */
    String canonical() {
        return String.join("\n", addedAfter.map(Instant::toString).orElse(""), String.join(",", new TreeSet<>(ids)),
                String.join(",", new TreeSet<>(types)), last + "," + first + "," + all,
                String.join(",", new TreeSet<>(versions)), String.valueOf(specVersionMatches));
    }

    private static Optional<String> single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? Optional.empty() : Optional.of(values[values.length - 1]);
    }

    /** TAXII lists values comma-separated; a repeated parameter is read the same way. */
    private static List<String> values(Map<String, String[]> parameters, String name) {
        String[] raw = parameters.get(name);
        List<String> values = new ArrayList<>();
        if (raw != null) {
            for (String parameter : raw) {
                for (String value : parameter.split(",")) {
                    if (!value.isBlank()) {
                        values.add(value.strip());
                    }
                }
            }
        }
        return values;
    }

    private static Optional<Instant> timestamp(String value, String parameter, List<ProblemError> errors) {
        try {
            return Optional.of(RequestParameters.requiredInstant(parameter, value));
        } catch (RequestParameters.Invalid e) {
            errors.add(e.error());
            return Optional.empty();
        }
    }

    static ProblemException badRequest(List<ProblemError> errors) {
        return new ProblemException(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "Invalid parameter", "A query parameter has an invalid value."), errors));
    }
}
