package org.certhub.tenancy.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.certhub.stix.Tlp;
import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.Role;
import org.certhub.tenancy.admin.NewPrincipal;
import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpStatus;

/**
 * The admin API's request to create a CERT or a partner. Fields are plain text here, so that every
 * wrong value is reported with its JSON pointer and rule instead of failing the whole body. Admins
 * are not created through the API, and the admin role is not granted through it.
 */
record CreatePrincipalRequest(String id, String kind, List<String> roles, String name, String country,
        Boolean member, String defaultTlp) {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{2,64}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int MAX_NAME_LENGTH = 200;
    private static final Set<PrincipalKind> CREATABLE = EnumSet.of(PrincipalKind.CERT, PrincipalKind.PARTNER);
    private static final Set<Role> GRANTABLE = EnumSet.of(Role.SUBMITTER, Role.RESPONDER, Role.FEED_READER);

    /** The principal to create, or a 400 problem listing every error. */
    NewPrincipal validated(Tlp fallbackTlp) {
        List<ProblemError> errors = errors();
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-principal",
                    "Invalid principal", "The principal has " + errors.size() + " invalid field(s)."), errors));
        }
        PrincipalKind principalKind = PrincipalKind.fromJsonName(kind).orElseThrow();
        Set<Role> grantedRoles = roles.stream().map(role -> Role.fromJsonName(role).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new NewPrincipal(id, principalKind, grantedRoles, name.strip(), Optional.ofNullable(country),
                member != null ? member : principalKind == PrincipalKind.CERT,
                tlpOfLabel(defaultTlp).orElse(fallbackTlp));
    }

    /** Every broken rule, in field order; empty when the request is valid. */
    List<ProblemError> errors() {
        List<ProblemError> errors = new ArrayList<>();
        if (id == null) {
            errors.add(new ProblemError("/id", "required", "id is required"));
        } else if (!ID.matcher(id).matches()) {
            errors.add(new ProblemError("/id", "pattern", "2 to 64 characters: lower-case letters, digits, '-'"));
        }
        Optional<PrincipalKind> principalKind = Optional.ofNullable(kind).flatMap(PrincipalKind::fromJsonName);
        if (kind == null) {
            errors.add(new ProblemError("/kind", "required", "kind is required"));
        } else if (principalKind.filter(CREATABLE::contains).isEmpty()) {
            errors.add(new ProblemError("/kind", "enum", "one of: cert, partner"));
        }
        checkRoles(errors);
        if (name == null || name.isBlank()) {
            errors.add(new ProblemError("/name", "required", "name is required"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add(new ProblemError("/name", "max-length", "at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (country == null && principalKind.orElse(null) == PrincipalKind.CERT) {
            errors.add(new ProblemError("/country", "required", "a CERT's country is required"));
        } else if (country != null && !COUNTRY.matcher(country).matches()) {
            errors.add(new ProblemError("/country", "pattern", "an ISO 3166-1 alpha-2 code in upper case, e.g. KZ"));
        }
        if (defaultTlp != null && tlpOfLabel(defaultTlp).isEmpty()) {
            errors.add(new ProblemError("/defaultTlp", "enum", "one of: " + Arrays.stream(Tlp.values())
                    .map(Tlp::label).collect(Collectors.joining(", "))));
        }
        return errors;
    }

    private void checkRoles(List<ProblemError> errors) {
        if (roles == null || roles.isEmpty()) {
            errors.add(new ProblemError("/roles", "required", "at least one role is required"));
            return;
        }
        for (int i = 0; i < roles.size(); i++) {
            if (Optional.ofNullable(roles.get(i)).flatMap(Role::fromJsonName).filter(GRANTABLE::contains).isEmpty()) {
                errors.add(new ProblemError("/roles/" + i, "enum", "one of: submitter, responder, feed-reader"));
            }
        }
    }

    private static Optional<Tlp> tlpOfLabel(String label) {
        return Arrays.stream(Tlp.values()).filter(tlp -> tlp.label().equals(label)).findFirst();
    }
}
