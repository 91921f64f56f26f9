package org.certhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypeFilterTests {

    @Test
    void letsEveryConcreteMediaTypeThrough() {
        for (String type : new String[] {"application/json", "application/stix+json;version=2.1", "application/yaml",
                "multipart/form-data; boundary=----x", "application/x-www-form-urlencoded", "text/plain; charset=utf-8"}) {
            assertThat(ContentTypeFilter.refusal(type)).as(type).isEmpty();
        }
        assertThat(ContentTypeFilter.refusal(null)).isEmpty();
    }

    @Test
    void refusesWildcardsUnparsableTypesAndMultipartWithoutBoundary() {
        assertThat(ContentTypeFilter.refusal("*/*")).hasValueSatisfying(problem -> assertThat(problem.getStatus()).isEqualTo(415));
        assertThat(ContentTypeFilter.refusal("application/*")).hasValueSatisfying(problem -> assertThat(problem.getStatus()).isEqualTo(415));
        assertThat(ContentTypeFilter.refusal(";;;")).hasValueSatisfying(problem -> assertThat(problem.getStatus()).isEqualTo(415));
        assertThat(ContentTypeFilter.refusal("application/json;charset=\"")).isPresent();
        assertThat(ContentTypeFilter.refusal("application/json; charset=utf-7")).as("a charset the hub cannot decode")
                .hasValueSatisfying(problem -> assertThat(problem.getStatus()).isEqualTo(415));
        assertThat(ContentTypeFilter.refusal("multipart/form-data")).hasValueSatisfying(problem -> assertThat(problem.getStatus()).isEqualTo(400));
        assertThat(ContentTypeFilter.refusal("multipart/form-data; boundary=")).isPresent();
    }
}
