package org.certhub.correlation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.certhub.correlation.internal.CorrelationQueries;
import org.junit.jupiter.api.Test;

class CorrelationCursorTests {

    @Test
    void aCursorCarriesTheSortValuesOfItsOrder() {
        List<FieldValue> values = List.of(FieldValue.of(53.3), FieldValue.of(1_790_000_000_000L), FieldValue.of("abc"));
        String cursor = CorrelationCursor.encode(CorrelationQueries.Sort.SCORE, values);

        assertThat(CorrelationCursor.decode(cursor, CorrelationQueries.Sort.SCORE)).get()
                .extracting(List::size).isEqualTo(3);
        assertThat(CorrelationCursor.decode(cursor, CorrelationQueries.Sort.SCORE).get().get(2).stringValue()).isEqualTo("abc");
    }

    @Test
    void aCursorOfAnotherOrderOrNotOursIsRefused() {
        String recent = CorrelationCursor.encode(CorrelationQueries.Sort.RECENT, List.of(FieldValue.of(1L), FieldValue.of("a")));

        assertThat(CorrelationCursor.decode(recent, CorrelationQueries.Sort.SCORE)).isEmpty();
        assertThat(CorrelationCursor.decode("not-a-cursor!", CorrelationQueries.Sort.RECENT)).isEmpty();
        assertThat(CorrelationCursor.decode("W10", CorrelationQueries.Sort.RECENT)).isEmpty();
    }
}
