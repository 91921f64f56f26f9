package org.certhub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class NdjsonBulkTests {

    @Test
    void readsEachItemsStatusAndErrorTypeInOrder() {
        String answer = "{\"items\":[{\"create\":{\"status\":201}},"
                + "{\"index\":{\"status\":409,\"error\":{\"type\":\"version_conflict_engine_exception\"}}},"
                + "{\"create\":{\"status\":400,\"error\":{\"type\":\"document_parsing_exception\",\"reason\":\"x\"}}}]}";

        List<NdjsonBulk.Item> items = NdjsonBulk.read(answer.getBytes(StandardCharsets.UTF_8));

        assertThat(items).containsExactly(new NdjsonBulk.Item(201, Optional.empty()),
                new NdjsonBulk.Item(409, Optional.of("version_conflict_engine_exception")),
                new NdjsonBulk.Item(400, Optional.of("document_parsing_exception")));
        assertThat(items).extracting(NdjsonBulk.Item::failed).containsExactly(false, true, true);
    }

    @Test
    void anItemWithoutItsStatusFailsTheBatchForARetry() {
        assertThatThrownBy(() -> NdjsonBulk.read("{\"items\":[{\"create\":{}}]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TransientIndexingException.class);
    }
}
