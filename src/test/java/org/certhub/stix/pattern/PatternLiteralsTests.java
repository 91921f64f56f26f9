package org.certhub.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.certhub.stix.pattern.PatternValue.BinaryValue;
import org.certhub.stix.pattern.PatternValue.BooleanValue;
import org.certhub.stix.pattern.PatternValue.FloatValue;
import org.certhub.stix.pattern.PatternValue.HexValue;
import org.certhub.stix.pattern.PatternValue.IntValue;
import org.certhub.stix.pattern.PatternValue.Kind;
import org.certhub.stix.pattern.PatternValue.StringValue;
import org.certhub.stix.pattern.PatternValue.TimestampValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternLiteralsTests {

    private static PatternValue valueOf(String literal) {
        return StixPattern.parse("[x-test:value = " + literal + "]").comparisons().get(0).values().get(0);
    }

    @Test
    void unescapesQuotesAndBackslashesInStrings() {
        assertThat(valueOf("'it\\'s C:\\\\Windows\\\\'")).isEqualTo(new StringValue("it's C:\\Windows\\"));
    }

    @Test
    void keepsStringsWithoutEscapesAsWritten() {
        assertThat(valueOf("'multi\nline ] AND [ text'")).isEqualTo(new StringValue("multi\nline ] AND [ text"));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "+42, 42", "-7, -7", "-0, 0", "9223372036854775807, 9223372036854775807",
            "-9223372036854775808, -9223372036854775808"})
    void readsIntegers(String literal, long expected) {
        assertThat(valueOf(literal)).isEqualTo(new IntValue(expected));
    }

    @ParameterizedTest
    @CsvSource({"7.0, 7.0", ".5, 0.5", "-.25, -0.25", "+3.125, 3.125", "007.5, 7.5"})
    void readsFloats(String literal, double expected) {
        assertThat(valueOf(literal)).isEqualTo(new FloatValue(expected));
    }

    @Test
    void readsBooleans() {
        assertThat(valueOf("true")).isEqualTo(new BooleanValue(true));
        assertThat(valueOf("false")).isEqualTo(new BooleanValue(false));
    }

    @Test
    void decodesBinaryLiterals() {
        BinaryValue value = (BinaryValue) valueOf("b'TVqQAA=='");

        assertThat(value.base64()).isEqualTo("TVqQAA==");
        assertThat(value.bytes()).containsExactly(0x4d, 0x5a, 0x90, 0x00);
        assertThat(((BinaryValue) valueOf("b''")).bytes()).isEmpty();
    }

    @Test
    void lowercasesAndDecodesHexLiterals() {
        HexValue value = (HexValue) valueOf("h'FFd8'");

        assertThat(value.hex()).isEqualTo("ffd8");
        assertThat(value.bytes()).containsExactly(0xff, 0xd8);
    }

    @Test
    void readsTimestampsWithFractionsOfAnyLength() {
        assertThat(valueOf("t'2014-01-13T07:03:17Z'"))
                .isEqualTo(new TimestampValue("2014-01-13T07:03:17Z", Instant.parse("2014-01-13T07:03:17Z")));
        assertThat(((TimestampValue) valueOf("t'2024-02-29T23:59:59.5Z'")).instant())
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.500Z"));
        assertThat(((TimestampValue) valueOf("t'2024-03-05T08:15:30.1234567891234Z'")).instant())
                .isEqualTo(Instant.parse("2024-03-05T08:15:30.123456789Z"));
    }

    @Test
    void mapsALeapSecondToTheEndOfTheMinutesLastSecond() {
        TimestampValue value = (TimestampValue) valueOf("t'2016-12-31T23:59:60Z'");

        assertThat(value.text()).isEqualTo("2016-12-31T23:59:60Z");
        assertThat(value.instant()).isEqualTo(Instant.parse("2016-12-31T23:59:59.999999999Z"));
    }

    @Test
    void rejectsCalendarDatesThatDoNotExist() {
        assertThatThrownBy(() -> valueOf("t'2023-02-29T00:00:00Z'")).isInstanceOf(StixPatternException.class);
        assertThatThrownBy(() -> valueOf("t'2024-04-31T00:00:00Z'")).isInstanceOf(StixPatternException.class);
        assertThat(valueOf("t'2000-02-29T00:00:00Z'")).isInstanceOf(TimestampValue.class);
    }

    @Test
    void namesTheKindOfEveryValue() {
        assertThat(StixPattern.parse("[x-test:v IN ('a') AND x-test:v = 1 AND x-test:v = 1.5 AND x-test:v = true"
                + " AND x-test:v = b'' AND x-test:v = h'' AND x-test:v = t'2024-01-01T00:00:00Z']").comparisons())
                .extracting(comparison -> comparison.values().get(0).kind())
                .containsExactly(Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.BINARY, Kind.HEX, Kind.TIMESTAMP);
    }
}
