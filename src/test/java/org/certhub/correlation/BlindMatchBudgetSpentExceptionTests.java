package org.certhub.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class BlindMatchBudgetSpentExceptionTests {

    @Test
    void isARetryable429UntilTheNextUtcDay() {
        BlindMatchBudgetSpentException spent = BlindMatchBudgetSpentException.at(Instant.parse("2026-12-07T23:00:00Z"), 200);

        assertThat(spent.problem().getStatus()).isEqualTo(429);
        assertThat(spent.problem().getType().toString()).endsWith("/blind-match-budget-spent");
        assertThat(spent.problem().getProperties()).containsEntry("retryable", true).containsEntry("budget", 200)
                .containsEntry("resets_at", "2026-12-08T00:00:00Z");
        assertThat(spent.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3600");
    }

    @Test
    void aMomentBeforeMidnightStillWaitsAtLeastOneSecond() {
        BlindMatchBudgetSpentException spent = BlindMatchBudgetSpentException.at(Instant.parse("2026-12-07T23:59:59.900Z"), 3);

        assertThat(spent.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void aDisclosureWithAWithheldRevealThrowsIt() {
        BlindReveal reveal = new BlindReveal("c-1", "uz-cert", "ipv4-addr", "203.0.113.7", org.certhub.stix.Tlp.RED);
        BlindDisclosure spent = new BlindDisclosure(java.util.List.of(), java.util.List.of(reveal), 3);

        assertThat(spent.budgetSpent()).isTrue();
        assertThat(spent.shows("uz-cert", "ipv4-addr", "203.0.113.7")).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(spent::orThrowWhenBudgetSpent)
                .isInstanceOf(BlindMatchBudgetSpentException.class);
    }
}
