package org.certhub.tenancy.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.certhub.tenancy.Principal;
import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.Role;
import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpStatus;

/**
 * The admin API's request to create a console account for a person of a principal. Every wrong
 * field is reported with its JSON pointer and rule. Only the console's roles are granted (a person
 * submits or responds; admins and feed readers use API keys).
 *
 * @param principal the principal the person works for
 * @param username the sign-in name
 * @param password the initial password: 12 to 72 bytes (bcrypt reads no further), never stored or answered as such
 * @param roles {@code submitter} and/or {@code responder}
 * @param language {@code en} (default) or {@code ru}
 */
record CreateUserRequest(String principal, String username, String password, List<String> roles, String language) {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");
    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Set<Role> GRANTABLE = EnumSet.of(Role.SUBMITTER, Role.RESPONDER);
    private static final Set<String> LANGUAGES = Set.of("en", "ru");

    /** The roles to grant, or a 400 problem listing every error. */
    Set<Role> validated() {
        List<ProblemError> errors = errors();
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-user",
                    "Invalid user", "The user has " + errors.size() + " invalid field(s)."), errors));
        }
        Set<Role> granted = EnumSet.noneOf(Role.class);
        roles.forEach(role -> granted.add(Role.fromJsonName(role).orElseThrow()));
        return granted;
    }

    /**
     * What this account would be allowed beyond its principal: a person of a partner system (not a
     * CERT) gets no console account, and nobody a role the principal does not hold (a partner's
     * person could otherwise submit what its key may not).
     */
    List<ProblemError> rolesBeyond(Principal owner) {
        List<ProblemError> errors = new ArrayList<>();
        if (owner.kind() != PrincipalKind.CERT) {
            errors.add(new ProblemError("/principal", "cert-required", "console users belong to CERTs; "
                    + owner.id() + " is a " + owner.kind().jsonName()));
        }
        for (int i = 0; i < roles.size(); i++) {
            Role role = Role.fromJsonName(roles.get(i)).orElseThrow();
            if (!owner.holds(role)) {
                errors.add(new ProblemError("/roles/" + i, "principal-role", owner.id() + " does not hold the role "
                        + role.jsonName()));
            }
        }
        return errors;
    }

    String languageOrDefault() {
        return language == null ? "en" : language;
    }

    /** Every broken rule, in field order; empty when the request is valid. */
    List<ProblemError> errors() {
        List<ProblemError> errors = new ArrayList<>();
        if (principal == null || principal.isBlank()) {
            errors.add(new ProblemError("/principal", "required", "principal is required"));
        }
        if (username == null) {
            errors.add(new ProblemError("/username", "required", "username is required"));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(new ProblemError("/username", "pattern", "2 to 63 characters: lower-case letters, digits, '.', '_', '-'"));
        }
        if (password == null) {
            errors.add(new ProblemError("/password", "required", "password is required"));
        } else if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            errors.add(new ProblemError("/password", "min-length", "at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.add(new ProblemError("/password", "max-length", "at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8"));
        }
        if (roles == null || roles.isEmpty()) {
            errors.add(new ProblemError("/roles", "required", "at least one of: submitter, responder"));
        } else {
            for (int i = 0; i < roles.size(); i++) {
                if (Optional.ofNullable(roles.get(i)).flatMap(Role::fromJsonName).filter(GRANTABLE::contains).isEmpty()) {
                    errors.add(new ProblemError("/roles/" + i, "enum", "one of: submitter, responder"));
                }
            }
        }
        if (language != null && !LANGUAGES.contains(language)) {
            errors.add(new ProblemError("/language", "enum", "one of: en, ru"));
        }
        return errors;
    }
}
