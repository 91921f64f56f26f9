package org.certhub.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors name what was expected and point at the offending character. */
class StixPatternErrorMessagesTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            [file:name = 'a'                          | expected ']' after comparison expression at 16
            [file:name EQUALS 'a']                    | unknown operator 'EQUALS' at 11
            [file:name = 'abc                         | unterminated string literal starting at 13
            [file:created > t'2016-13-01T00:00:00Z']  | invalid timestamp '2016-13-01T00:00:00Z' at 16
            [file:name = 'a\\x']                      | illegal escape '\\x' in string literal (only \\' and \\\\ are allowed) at 15
            [file = 'a']                              | expected ':' and an object path after object type 'file' at 6
            [File:name = 'a']                         | invalid object type 'File': expected 3 to 250 lowercase ASCII letters, digits or hyphens at 1
            [file:hashes.SHA-256 = 'a']               | property name 'SHA-256' contains '-' and must be quoted at 13
            file:name = 'a'                           | expected '[' or '(' to start an observation expression (comparisons must be enclosed in [ ]) at 0
            [file:name = 'a'] garbage                 | unexpected 'garbage' after observation expression at 18
            [file:name = 'a'] and [file:name = 'b']   | unexpected 'and' after observation expression (keywords are uppercase: AND) at 18
            [file:name like 'a']                      | unknown operator 'like' (keywords are uppercase: LIKE) at 11
            [file:encrypted = True]                   | expected a literal after '=' (booleans are lowercase: true) at 18
            [file:name IN ()]                         | IN requires at least one value at 15
            [file:name IN ('a', 1)]                   | IN values must all be of one kind: found an integer after a string at 20
            [file:name LIKE 5]                        | LIKE takes a string literal, not an integer at 16
            [file:size > true]                        | '>' takes a number, string, timestamp, binary or hex literal, not a boolean at 13
            [file:magic = h'abc']                     | invalid hex literal: odd number of hex digits at 14
            [file:magic = h'0g']                      | invalid hex digit 'g' in hex literal at 17
            [file:magic = b'AA=A']                    | invalid base64 character '=' in binary literal at 18
            [file:magic = b'AAA']                     | invalid binary literal: base64 length must be a multiple of 4 at 14
            [file:size = 007]                         | integer with a leading zero at 13
            [a-a:x = 1] REPEATS 2 TIMES REPEATS 3 TIMES | duplicate REPEATS qualifier on one observation expression at 28
            [a-a:x = 1] WITHIN 0 SECONDS              | WITHIN takes a positive number of seconds at 19
            [a-a:x = 1] REPEATS 2                     | expected TIMES after the REPEATS count at 21
            [a-a:x = 1] START t'2024-01-02T00:00:00Z' STOP t'2024-01-01T00:00:00Z' | STOP must be later than START at 47
            [NOT file:name = 'a']                     | NOT goes between the object path and the operator, as in type:path NOT = 'x', and cannot negate EXISTS at 1
            """)
    void explainsTheProblemAndItsPosition(String pattern, String message) {
        StixPatternException error = catchThrowableOfType(StixPatternException.class, () -> StixPattern.parse(pattern));

        assertThat(error).hasMessage(message);
        assertThat(error.position()).isEqualTo(Integer.parseInt(message.substring(message.lastIndexOf(' ') + 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void rejectsAnEmptyPattern(String pattern) {
        StixPatternException error = catchThrowableOfType(StixPatternException.class, () -> StixPattern.parse(pattern));

        assertThat(error).hasMessageStartingWith("empty pattern at ");
        assertThat(error.position()).isEqualTo(pattern.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[file:name = 'a'] \u0000", "[file:name = '\u0001' \u0007]"})
    void escapesControlCharactersInMessages(String pattern) {
        StixPatternException error = catchThrowableOfType(StixPatternException.class, () -> StixPattern.parse(pattern));

        assertThat(error.getMessage()).doesNotContainPattern("\\p{Cntrl}").contains("\\u00");
    }
}
