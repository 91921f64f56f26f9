package org.certhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryStringFilterTests {

    @Test
    void acceptsPercentEncodedUtf8AndPlainText() {
        assertThat(QueryStringFilter.firstError("q=%D0%A4%D0%B8%D1%88%D0%B8%D0%BD%D0%B3&type=indicator&x")).isEmpty();
        assertThat(QueryStringFilter.firstError("value=%F0%9F%98%80&since=2026-11-01T00:00:00Z&q=a+b")).isEmpty();
        assertThat(QueryStringFilter.firstError(null)).isEmpty();
        assertThat(QueryStringFilter.firstError("")).isEmpty();
    }

    @Test
    void namesTheParameterWhoseValueIsNotUtf8() {
        for (String bytes : new String[] {"%ED%A0%80", "%C0%AF", "%FF", "%80", "%E2%82", "%F4%90%80%80"}) {
            assertThat(QueryStringFilter.firstError("limit=5&type=" + bytes)).as(bytes)
                    .hasValueSatisfying(error -> {
                        assertThat(error.pointer()).isEqualTo("type");
                        assertThat(error.rule()).isEqualTo("utf-8");
                    });
        }
    }

    @Test
    void refusesMalformedEscapesAndNamesThatAreNotText() {
        assertThat(QueryStringFilter.firstError("q=%zz")).hasValueSatisfying(error -> assertThat(error.pointer()).isEqualTo("q"));
        assertThat(QueryStringFilter.firstError("q=50%")).isPresent();
        assertThat(QueryStringFilter.firstError("%ED%A0%80=1")).hasValueSatisfying(error -> assertThat(error.pointer()).isEqualTo("query"));
    }
}
