package org.certhub.stix.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTests {

    @ParameterizedTest
    @CsvSource({
        "2016-04-06T20:03:48.000Z, 3",
        "2015-12-21T19:59:11Z, 0",
        "2017-01-20T00:00:00.000Z, 3",
        "2024-02-29T23:59:60.123456789Z, 9",
        "2000-02-29T12:00:00.5Z, 1"
    })
    void acceptsRfc3339UtcTimestampsAndCountsFractionDigits(String timestamp, int digits) {
        assertThat(Timestamps.fractionDigits(timestamp)).isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "2016-04-06", "2016-04-06T20:03:48", "2016-04-06T20:03:48.000+00:00", "2016-04-06 20:03:48Z",
        "2016-04-06t20:03:48z", "2016-13-06T20:03:48Z", "2016-04-31T20:03:48Z", "2023-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z", "2016-04-06T24:00:00Z", "2016-04-06T20:60:00Z", "2016-04-06T20:03:61Z",
        "2016-04-06T20:03:48.Z", "2016-04-06T20:03:48.1a2Z", "+2016-04-06T20:03:48Z", "2016-4-06T20:03:48Z"
    })
    void rejectsOtherTexts(String text) {
        assertThat(Timestamps.isValid(text)).isFalse();
    }

    @Test
    void comparesAcrossFractionLengthsExactly() {
        assertThat(Timestamps.compare("2016-04-06T20:03:48Z", "2016-04-06T20:03:48.000Z")).isZero();
        assertThat(Timestamps.compare("2016-04-06T20:03:48.1Z", "2016-04-06T20:03:48.099999999999Z")).isPositive();
        assertThat(Timestamps.compare("2016-04-06T20:03:48.000000001Z", "2016-04-06T20:03:48Z")).isPositive();
        assertThat(Timestamps.compare("2015-12-31T23:59:59.999Z", "2016-01-01T00:00:00Z")).isNegative();
    }
}
