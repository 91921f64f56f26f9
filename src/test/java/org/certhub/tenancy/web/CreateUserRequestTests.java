package org.certhub.tenancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.certhub.tenancy.Role;
import org.certhub.web.ProblemError;
import org.junit.jupiter.api.Test;

class CreateUserRequestTests {

    @Test
    void aValidRequestGrantsItsConsoleRoles() {
        CreateUserRequest request = new CreateUserRequest("kz-cert", "kz-analyst", "correct horse battery", List.of("responder"), "ru");

        assertThat(request.validated()).containsExactly(Role.RESPONDER);
        assertThat(request.languageOrDefault()).isEqualTo("ru");
    }

    @Test
    void reportsEveryWrongFieldWithItsPointerAndRule() {
        CreateUserRequest request = new CreateUserRequest(null, "Bad Name!", "short", List.of("responder", "admin", "feed-reader"), "de");

        assertThat(request.errors()).extracting(ProblemError::pointer, ProblemError::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/principal", "required"),
                org.assertj.core.groups.Tuple.tuple("/username", "pattern"),
                org.assertj.core.groups.Tuple.tuple("/password", "min-length"),
                org.assertj.core.groups.Tuple.tuple("/roles/1", "enum"),
                org.assertj.core.groups.Tuple.tuple("/roles/2", "enum"),
                org.assertj.core.groups.Tuple.tuple("/language", "enum"));
    }

    @Test
    void refusesAPasswordLongerThanBcryptReads() {
        CreateUserRequest request = new CreateUserRequest("kz-cert", "kz-analyst", "ж".repeat(37), List.of("submitter"), null);

        assertThat(request.errors()).extracting(ProblemError::rule).containsExactly("max-length");
    }
}
