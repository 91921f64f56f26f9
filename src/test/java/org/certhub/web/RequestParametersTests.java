package org.certhub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RequestParametersTests {

    @Test
    void readsAnInstantFrom1970To9999() {
        assertThat(RequestParameters.instant("since", "2026-11-01T00:00:00Z")).contains(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(RequestParameters.instant("since", "1970-01-01T00:00:00Z")).contains(Instant.EPOCH);
        assertThat(RequestParameters.instant("since", "9999-12-31T23:59:59.999Z")).isPresent();
        assertThat(RequestParameters.instant("since", null)).isEmpty();
    }

    @Test
    void refusesInstantsThatParseButOverflowNamingTheParameter() {
        for (String value : new String[] {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> RequestParameters.instant("until", value)).as(value)
                    .isInstanceOfSatisfying(RequestParameters.Invalid.class, invalid -> {
                        assertThat(invalid.error().pointer()).isEqualTo("until");
                        assertThat(invalid.error().rule()).isEqualTo("timestamp-range");
                        assertThat(invalid.problem().getStatus()).isEqualTo(400);
                    });
        }
    }

    @Test
    void refusesWhatIsNotAnInstant() {
        assertThatThrownBy(() -> RequestParameters.instant("since", "yesterday"))
                .isInstanceOfSatisfying(RequestParameters.Invalid.class,
                        invalid -> assertThat(invalid.error().rule()).isEqualTo("timestamp"));
    }

    @Test
    void integersStayWithinTheirRangeWhateverTheirSize() {
        assertThat(RequestParameters.integer("limit", "50", 1, 1000, 100)).isEqualTo(50);
        assertThat(RequestParameters.integer("limit", null, 1, 1000, 100)).isEqualTo(100);
        for (String value : new String[] {"2147483648", "-2147483649", "99999999999999999999999", "0", "1001", "1.5", "NaN", ""}) {
            assertThatThrownBy(() -> RequestParameters.integer("limit", value, 1, 1000, 100)).as(value)
                    .isInstanceOf(RequestParameters.Invalid.class);
        }
    }

    @Test
    void decimalsMustBeFinite() {
        assertThat(RequestParameters.finite("min_score", 2.5, 0, 100)).contains(2.5);
        for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1}) {
            assertThatThrownBy(() -> RequestParameters.finite("min_score", value, 0, 100)).as(String.valueOf(value))
                    .isInstanceOf(RequestParameters.Invalid.class);
        }
    }
}
