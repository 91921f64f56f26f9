package org.certhub.tenancy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;

import org.certhub.stix.Tlp;
import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.Role;
import org.certhub.tenancy.admin.NewPrincipal;
import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.junit.jupiter.api.Test;

class CreatePrincipalRequestTests {

    private static CreatePrincipalRequest cert(String id) {
        return new CreatePrincipalRequest(id, "cert", List.of("submitter", "responder"), "GE-CERT", "GE", null, null);
    }

    @Test
    void validCertRequestBecomesAMemberCertWithTheConfiguredDefaultTlp() {
        NewPrincipal principal = cert("ge-cert").validated(Tlp.AMBER);

        assertThat(principal.id()).isEqualTo("ge-cert");
        assertThat(principal.kind()).isEqualTo(PrincipalKind.CERT);
        assertThat(principal.roles()).containsExactlyInAnyOrder(Role.SUBMITTER, Role.RESPONDER);
        assertThat(principal.country()).contains("GE");
        assertThat(principal.member()).isTrue();
        assertThat(principal.defaultTlp()).isEqualTo(Tlp.AMBER);
    }

    @Test
    void partnerIsNotAMemberUnlessTheRequestSaysSo() {
        CreatePrincipalRequest partner = new CreatePrincipalRequest("soc", "partner", List.of("feed-reader"), "SOC",
                null, null, "TLP:GREEN");
        CreatePrincipalRequest memberPartner = new CreatePrincipalRequest("soc", "partner", List.of("feed-reader"),
                "SOC", null, true, null);

        assertThat(partner.validated(Tlp.AMBER).member()).isFalse();
        assertThat(partner.validated(Tlp.AMBER).defaultTlp()).isEqualTo(Tlp.GREEN);
        assertThat(partner.validated(Tlp.AMBER).country()).isEqualTo(Optional.empty());
        assertThat(memberPartner.validated(Tlp.AMBER).member()).isTrue();
    }

    @Test
    void idOutsideTheAllowedPatternIsRejectedAtItsPointer() {
        for (String id : List.of("KZ-CERT", "k", "kz_cert", "kz cert", "x".repeat(65))) {
            assertThat(cert(id).errors()).containsExactly(
                    new ProblemError("/id", "pattern", "2 to 64 characters: lower-case letters, digits, '-'"));
        }
    }

    @Test
    void missingFieldsAreEachReportedAsRequired() {
        CreatePrincipalRequest empty = new CreatePrincipalRequest(null, null, null, null, null, null, null);

        assertThat(empty.errors()).extracting(ProblemError::pointer, ProblemError::rule).containsExactly(
                tuple("/id", "required"),
                tuple("/kind", "required"),
                tuple("/roles", "required"),
                tuple("/name", "required"));
    }

    @Test
    void adminsAndTheAdminRoleCannotBeCreatedThroughTheApi() {
        CreatePrincipalRequest request = new CreatePrincipalRequest("root", "admin", List.of("submitter", "admin"),
                "Root", null, null, null);

        assertThat(request.errors()).extracting(ProblemError::pointer, ProblemError::rule).containsExactly(
                tuple("/kind", "enum"),
                tuple("/roles/1", "enum"));
    }

    @Test
    void unknownValuesAreRejectedAtTheirPointers() {
        CreatePrincipalRequest request = new CreatePrincipalRequest("ge-cert", "cert", List.of("reader"),
                "n".repeat(201), "ge", null, "AMBER");

        assertThat(request.errors()).extracting(ProblemError::pointer, ProblemError::rule).containsExactly(
                tuple("/roles/0", "enum"),
                tuple("/name", "max-length"),
                tuple("/country", "pattern"),
                tuple("/defaultTlp", "enum"));
    }

    @Test
    void certWithoutCountryIsRejected() {
        CreatePrincipalRequest request = new CreatePrincipalRequest("ge-cert", "cert", List.of("submitter"), "GE-CERT",
                null, null, null);

        assertThat(request.errors()).extracting(ProblemError::pointer).containsExactly("/country");
    }

    @Test
    void invalidRequestBecomesA400ProblemListingEveryError() {
        assertThatThrownBy(() -> cert("X").validated(Tlp.AMBER)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().getStatus()).isEqualTo(400);
            assertThat(e.problem().getType().toString()).endsWith("/invalid-principal");
            assertThat(e.problem().getProperties()).containsKey("errors");
        });
    }
}
