package org.certhub.feed.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StreamPositionTests {

    @Test
    void readsBackWhatItWrites() {
        StreamPosition position = new StreamPosition(Map.of(1, new StreamPosition.Cursor(42, 3),
                0, new StreamPosition.Cursor(7, 0)));
        assertThat(position.text()).isEqualTo("v1.0-7-0_1-42-3");
        assertThat(StreamPosition.parse(position.text())).contains(position);
    }

    @Test
    void movingOnePartitionKeepsTheOthers() {
        StreamPosition moved = new StreamPosition(Map.of(0, new StreamPosition.Cursor(7, 0), 1, new StreamPosition.Cursor(9, 0)))
                .with(1, new StreamPosition.Cursor(9, 2));
        assertThat(moved.text()).isEqualTo("v1.0-7-0_1-9-2");
    }

    @Test
    void refusesAnythingElse() {
        for (String text : new String[] {"", "v1.", "v2.0-1-0", "v1.0-1", "v1.0-1-0_", "v1.0-1-0_0-2-0", "v1.-1-1-0",
                "v1.0-99999999999999999999-0", "v1.0-1-0;drop", "v1.0-1-0\n", "v1." + "0-0-0_".repeat(1000) + "0-0-0",
                "v1.0-9223372036854775808-0"}) {
            assertThat(StreamPosition.parse(text)).as(text).isEmpty();
        }
    }
}
