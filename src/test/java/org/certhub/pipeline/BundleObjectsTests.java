package org.certhub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class BundleObjectsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void eachObjectKeepsItsExactBytesAndItsTree() {
        String first = "{\"type\":\"indicator\",\"id\":\"indicator--1\",\"name\":\"Фишинг 勒索软件 \\\"q\\\"\",\"x\":{\"y\":[1,2,{}]}}";
        String second = "{ \"type\" : \"ipv4-addr\", \"value\" : \"10.0.0.1\" }";
        byte[] bundle = ("{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[" + first + " ,\n " + second + "],\"z\":1}")
                .getBytes(StandardCharsets.UTF_8);

        List<BundleObjects.RawObject> objects = BundleObjects.of(bundle);

        assertThat(objects).hasSize(2);
        assertThat(new String(objects.get(0).json(), StandardCharsets.UTF_8)).isEqualTo(first);
        assertThat(new String(objects.get(1).json(), StandardCharsets.UTF_8)).isEqualTo(second);
        assertThat(objects.get(0).tree()).isEqualTo(JSON.readTree(first));
        assertThat(objects.get(1).tree().path("value").asString()).isEqualTo("10.0.0.1");
    }

    @Test
    void objectsMayComeAfterOtherMembers() {
        byte[] bundle = "{\"objects\":[],\"type\":\"bundle\",\"extra\":{\"objects\":[{\"a\":1}]}}".getBytes(StandardCharsets.UTF_8);

        assertThat(BundleObjects.of(bundle)).isEmpty();
    }

    @Test
    void refusesWhatIsNotABundle() {
        assertThatThrownBy(() -> BundleObjects.of("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BundleObjects.of("{\"objects\":[1]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BundleObjects.of("{\"objects\":[{\"a\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JacksonException.class);
    }
}
