package org.certhub.stix.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GranularMarkingsTests {

    private static final JsonNode OBJECT = JsonMapper.builder().build().readTree("""
            {"type": "report", "name": "n", "labels": ["a", "b"],
             "external_references": [{"source_name": "s", "hashes": {"SHA-256": "x"}}]}
            """);

    @ParameterizedTest
    @ValueSource(strings = {"name", "labels", "labels.[1]", "external_references.[0].source_name",
        "external_references.[0].hashes.SHA-256"})
    void selectorsResolveToPropertiesAndListItems(String selector) {
        assertThat(GranularMarkings.resolves(OBJECT, selector)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "description", "labels.[2]", "labels.1", "labels.[x]", "labels.[]", "name.[0]",
        "external_references.source_name", "external_references.[0].url", "labels..[0]", "labels.[0].",
        "labels.[99999999999]"})
    void selectorsThatSelectNothingDoNotResolve(String selector) {
        assertThat(GranularMarkings.resolves(OBJECT, selector)).isFalse();
    }
}
