package org.certhub.stix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StixIdsTests {

    @ParameterizedTest
    @ValueSource(strings = {
        "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
        "x-ics-asset--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
        "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd",
        "relationship--81f12913-1372-4c96-85ec-E9034ac98aba"
    })
    void acceptsTypedRfc4122Identifiers(String id) {
        assertThat(StixIds.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "indicator",
        "indicator--",
        "indicator--8e2e2d2b17d44cbf938f98ee46b3cd3f",
        "indicator--8e2e2d2b-17d4-6cbf-938f-98ee46b3cd3f",
        "indicator--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f",
        "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3g",
        "Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
        "in--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
        "x--y--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
        "indicator---8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3",
        "indicator--{8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f}"
    })
    void rejectsMalformedIdentifiers(String id) {
        assertThat(StixIds.isValid(id)).isFalse();
        assertThat(StixIds.type(id)).isEmpty();
    }

    @Test
    void typeIsTheIdentifierPrefix() {
        assertThat(StixIds.type("network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d")).contains("network-traffic");
    }
}
