package org.certhub.feed.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.certhub.stix.Tlp;
import org.certhub.stix.observable.ObservableType;
import org.certhub.web.ProblemError;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class FeedFilterTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void matchesTypeTlpAndObservableTypeTogether() {
        SharedObject indicator = object("{\"type\":\"indicator\",\"id\":\"indicator--1\",\"pattern\":\"[ipv4-addr:value = '203.0.113.7']\","
                + "\"pattern_type\":\"stix\",\"object_marking_refs\":[\"" + Tlp.GREEN.markingDefinitionId() + "\"]}");
        assertThat(indicator.observableTypes()).contains(ObservableType.IPV4);
        assertThat(filter(List.of("indicator"), "TLP:GREEN", List.of("ipv4")).matches(indicator)).isTrue();
        assertThat(filter(List.of("malware"), null, List.of()).matches(indicator)).isFalse();
        assertThat(filter(List.of(), "clear", List.of()).matches(indicator)).isFalse();
        assertThat(filter(List.of(), null, List.of("sha256")).matches(indicator)).isFalse();
        assertThat(FeedFilter.ANY.matches(indicator)).isTrue();
    }

    @Test
    void readsTlpLabelsAndNamesInAnyCase() {
        assertThat(FeedFilter.tlp("TLP:AMBER+STRICT")).contains(Tlp.AMBER_STRICT);
        assertThat(FeedFilter.tlp("amber")).contains(Tlp.AMBER);
        assertThat(FeedFilter.tlp("TLP:WHITE")).contains(Tlp.CLEAR);
        assertThat(FeedFilter.tlp("purple")).isEmpty();
    }

    @Test
    void namesEveryBrokenEntry() {
        List<ProblemError> errors = new ArrayList<>();
        FeedFilter.parse(List.of("indicator", "BAD TYPE"), Optional.of("TLP:PURPLE"), List.of("ipv4", "dna"),
                FeedFilter.Pointers.BODY, errors);
        assertThat(errors).extracting(ProblemError::pointer)
                .containsExactly("/filter/types/1", "/filter/observable_types/1", "/filter/max_tlp");
        errors.clear();
        FeedFilter.parse(Collections.nCopies(51, "indicator"), Optional.empty(), List.of(),
                FeedFilter.Pointers.BODY, errors);
        assertThat(errors).extracting(ProblemError::rule).containsExactly("max-entries");
    }

    private static FeedFilter filter(List<String> types, String maxTlp, List<String> observableTypes) {
        List<ProblemError> errors = new ArrayList<>();
        FeedFilter filter = FeedFilter.parse(types, Optional.ofNullable(maxTlp), observableTypes, FeedFilter.Pointers.BODY,
                errors);
        assertThat(errors).isEmpty();
        return filter;
    }

    private static SharedObject object(String json) {
        return SharedObject.of(JSON.readTree(json), "kz-cert");
    }
}
