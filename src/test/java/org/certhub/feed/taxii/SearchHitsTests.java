package org.certhub.feed.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SearchHitsTests {

    private static final String OBJECT = "{\"type\":\"indicator\",\"id\":\"indicator--1\",\"name\":\"Фишинг 钓鱼 \\\"quoted\\\" \\u00e9\","
            + "\"nested\":{\"list\":[1,{\"a\":\"}\"}],\"x\":null}}";
    private static final String ANSWER = "{\"took\":3,\"timed_out\":false,\"_shards\":{\"total\":1},\"hits\":{\"total\":{\"value\":1},"
            + "\"max_score\":null,\"hits\":[{\"_index\":\"certhub-objects-v1\",\"_id\":\"kz/indicator--1\",\"_score\":null,"
            + "\"_source\":{\"stix_id\":\"indicator--1\",\"owner\":\"kz-cert\",\"description\":\"Описание\",\"object\":" + OBJECT
            + ",\"modified\":\"2026-11-01T10:00:00.000Z\",\"date_added\":\"2026-11-29T09:00:00.123456Z\"},"
            + "\"sort\":[1795856400123,\"indicator--1\",\"kz-cert\",1793527200000]}]}}";

    @Test
    void slicesEachStoredObjectByteForByteWhateverItsText() {
        List<CollectionStore.Entry> entries = SearchHits.read(ANSWER.getBytes(StandardCharsets.UTF_8), true);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(new String(entry.object().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(OBJECT);
            assertThat(entry.stixId()).isEqualTo("indicator--1");
            assertThat(entry.owner()).isEqualTo("kz-cert");
            assertThat(entry.version()).isEqualTo("2026-11-01T10:00:00.000Z");
            assertThat(entry.dateAdded()).hasToString("2026-11-29T09:00:00.123456Z");
            assertThat(entry.sort()).hasSize(4);
            assertThat(entry.sort().get(0).longValue()).isEqualTo(1795856400123L);
        });
    }

    @Test
    void leavesTheObjectOutForAManifest() {
        assertThat(SearchHits.read(ANSWER.getBytes(StandardCharsets.UTF_8), false)).singleElement()
                .satisfies(entry -> assertThat(entry.object()).isEmpty());
    }
}
