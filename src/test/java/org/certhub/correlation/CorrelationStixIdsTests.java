package org.certhub.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class CorrelationStixIdsTests {

    private static final String CORRELATION = "3f1b0c9d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c";

    @Test
    void givesOneRfc9562NameBasedUuidPerCorrelation() {
        String id = CorrelationStixIds.of(CORRELATION);
        assertThat(id).isEqualTo(CorrelationStixIds.of(CORRELATION)).startsWith("grouping--3f1b0c9d-8e7a-8b5c-8d3e-");
        UUID uuid = UUID.fromString(id.substring("grouping--".length()));
        assertThat(uuid.version()).isEqualTo(8);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @Test
    void findsTheCorrelationIdPrefixBackOnlyForItsOwnIds() {
        assertThat(CorrelationStixIds.correlationIdPrefix(CorrelationStixIds.of(CORRELATION))).contains("3f1b0c9d8e7a");
        assertThat(CorrelationStixIds.correlationIdPrefix("grouping--" + UUID.randomUUID())).isEmpty();
        assertThat(CorrelationStixIds.correlationIdPrefix("indicator--3f1b0c9d-8e7a-8b5c-8d3e-2f1a0b9c8d7e")).isEmpty();
        assertThat(CorrelationStixIds.correlationIdPrefix("grouping--zz1b0c9d-8e7a-8b5c-8d3e-2f1a0b9c8d7e")).isEmpty();
    }
}
