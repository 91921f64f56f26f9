package org.certhub.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.certhub.web.ProblemError;
import org.junit.jupiter.api.Test;

class FieldErrorsTests {

    private static final byte[] BUNDLE = ("{\"type\":\"bundle\",\"objects\":[{\"type\":\"identity\",\"id\":\"identity--1\"},"
            + "{\"type\":\"indicator\",\"id\":\"indicator--2\"}]}").getBytes(StandardCharsets.UTF_8);

    @Test
    void groupsErrorsByTheObjectTheyConcernAndNamesTheField() {
        List<FieldErrors.Group> groups = FieldErrors.of(List.of(
                new ProblemError("/objects/1/created", "timestamp", "is not a timestamp"),
                new ProblemError("/objects/1/external_references/0/url", "url", "is not a URL"),
                new ProblemError("/id", "required", "is required")), BUNDLE);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).index()).isEqualTo(1);
        assertThat(groups.get(0).type()).isEqualTo("indicator");
        assertThat(groups.get(0).id()).isEqualTo("indicator--2");
        assertThat(groups.get(0).errors()).extracting(FieldErrors.Field::field)
                .containsExactly("created", "external_references/0/url");
        assertThat(groups.get(1).index()).isEqualTo(-1);
        assertThat(groups.get(1).errors().get(0).field()).isEqualTo("/id");
    }

    @Test
    void anUnreadableBundleStillShowsItsErrors() {
        List<FieldErrors.Group> groups = FieldErrors.of(List.of(new ProblemError("/objects/0/type", "required", "is required")),
                "{not json".getBytes(StandardCharsets.UTF_8));

        assertThat(groups).singleElement().satisfies(group -> {
            assertThat(group.type()).isEmpty();
            assertThat(group.errors()).singleElement().extracting(FieldErrors.Field::field).isEqualTo("type");
        });
    }
}
