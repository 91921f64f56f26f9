package org.certhub.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Hostile documents must give errors, never exceptions, and cost bounded time and memory. */
class StixHostileInputTests {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final StixValidator validator = new StixValidator();

    /** One value of every JSON kind. */
    private static List<JsonNode> wrongKinds() {
        ObjectNode object = NODES.objectNode();
        object.put("abc", 1);
        ArrayNode array = NODES.arrayNode();
        array.add(1);
        return List.of(NODES.nullNode(), NODES.numberNode(12345), NODES.numberNode(-1.5), NODES.stringNode("x"),
                NODES.booleanNode(true), NODES.arrayNode(), array, NODES.objectNode(), object);
    }

    @Test
    void everyStixPropertyWithAWrongJsonKindIsAnErrorNotAnException() throws IOException {
        ObjectNode bundle = (ObjectNode) fixture();
        ArrayNode objects = (ArrayNode) bundle.get("objects");
        SoftAssertions softly = new SoftAssertions();
        int mutations = 0;
        for (int i = 0; i < objects.size(); i++) {
            ObjectNode object = (ObjectNode) objects.get(i);
            boolean customType = object.get("type").stringValue().startsWith("x-");
            for (String property : new ArrayList<>(object.propertyNames())) {
                JsonNode original = object.get(property);
                boolean custom = property.startsWith("x_") || (customType && !COMMON.contains(property));
                for (JsonNode wrong : wrongKinds()) {
                    object.set(property, wrong);
                    ValidationReport report = validator.validateBundle(bundle);
                    mutations++;
                    softly.assertThat(report.errors()).extracting(ValidationError::rule)
                            .as("%s.%s = %s", object.get("id"), property, wrong).doesNotContain("internal-error");
                    if (!custom && wrong.getNodeType() != original.getNodeType()) {
                        softly.assertThat(report.valid()).as("%s.%s = %s", object.get("id"), property, wrong)
                                .isFalse();
                    }
                }
                object.set(property, original);
            }
        }
        softly.assertAll();
        assertThat(mutations).isGreaterThan(3000);
        assertThat(validator.validateBundle(bundle).valid()).isTrue();
    }

    private static final List<String> COMMON = List.of("type", "spec_version", "id", "created", "modified",
            "created_by_ref", "revoked", "labels", "confidence", "lang", "external_references",
            "object_marking_refs", "granular_markings", "extensions", "defanged");

    @Test
    void nestedValuesWithWrongJsonKindsNeverThrow() throws IOException {
        JsonNode bundle = fixture();
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(bundle.get("objects"), containers, 0);
        for (JsonNode container : containers) {
            if (container.isObject()) {
                ObjectNode object = (ObjectNode) container;
                for (String name : new ArrayList<>(object.propertyNames())) {
                    JsonNode original = object.get(name);
                    for (JsonNode wrong : wrongKinds()) {
                        object.set(name, wrong);
                        assertNoInternalError(validator.validateBundle(bundle));
                    }
                    object.set(name, original);
                }
            } else {
                ArrayNode array = (ArrayNode) container;
                JsonNode original = array.get(0);
                for (JsonNode wrong : wrongKinds()) {
                    array.set(0, wrong);
                    assertNoInternalError(validator.validateBundle(bundle));
                }
                array.set(0, original);
            }
        }
        assertThat(containers).hasSizeGreaterThan(80);
    }

    /** Containers below the top level of each object. */
    private static void collectContainers(JsonNode node, List<JsonNode> out, int depth) {
        if (depth >= 2 && node.isContainer() && !node.isEmpty()) {
            out.add(node);
        }
        for (JsonNode child : node) {
            if (child.isContainer()) {
                collectContainers(child, out, depth + 1);
            }
        }
    }

    @Test
    void randomMutationsNeverThrow() throws IOException {
        Random random = new Random(42);
        List<JsonNode> kinds = wrongKinds();
        for (int round = 0; round < 300; round++) {
            JsonNode bundle = fixture();
            List<JsonNode> containers = new ArrayList<>();
            collectContainers(bundle, containers, 0);
            for (int k = 0; k < 5; k++) {
                JsonNode target = containers.get(random.nextInt(containers.size()));
                JsonNode value = kinds.get(random.nextInt(kinds.size()));
                if (target instanceof ObjectNode object) {
                    List<String> names = new ArrayList<>(object.propertyNames());
                    object.set(names.get(random.nextInt(names.size())), value);
                } else if (target instanceof ArrayNode array) {
                    array.set(random.nextInt(array.size()), value);
                }
            }
            assertNoInternalError(validator.validateBundle(bundle));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "42", "\"bundle\"", "true", "[]", "[{\"type\":\"bundle\"}]", "{}"})
    void rejectsNonBundleTopLevelWithAClearError(String json) {
        ValidationReport report = validator.validateBundle(MAPPER.readTree(json));

        assertThat(report.valid()).isFalse();
        assertThat(report.errors().get(0).pointer()).isIn("", "/type");
    }

    @Test
    void rejectsNullDocumentAndNullObject() {
        assertThat(validator.validateBundle(null).errors()).extracting(ValidationError::rule)
                .containsExactly("json-type");
        assertThat(validator.validateObject(null, null).errors()).extracting(ValidationError::rule)
                .containsExactly("json-type");
    }

    @Test
    void deeplyNestedValuesDoNotOverflowTheStack() throws IOException {
        JsonNode deep = NODES.stringNode("bottom");
        for (int i = 0; i < 100_000; i++) {
            ArrayNode wrapper = NODES.arrayNode();
            wrapper.add(deep);
            deep = wrapper;
        }
        ObjectNode bundle = (ObjectNode) fixture();
        ObjectNode report = (ObjectNode) lastObject(bundle);
        report.set("x_deep", deep);
        report.set("external_references", deep);
        report.set("labels", deep);

        ValidationReport result = validator.validateBundle(bundle);

        assertThat(result.valid()).isFalse();
        assertNoInternalError(result);
    }

    @Test
    void hugeArraysAreCappedAtTheErrorLimit() {
        ObjectNode bundle = NODES.objectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d");
        ArrayNode objects = bundle.putArray("objects");
        for (int i = 0; i < 200_000; i++) {
            objects.add(i);
        }

        long start = System.nanoTime();
        ValidationReport report = new StixValidator(25).validateBundle(bundle);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(report.errors()).hasSize(26);
        assertThat(report.errors().get(25).rule()).isEqualTo("too-many-errors");
        assertThat(millis).isLessThan(2_000);
    }

    @Test
    void hugeStringsAreShortenedInMessages() {
        ObjectNode tool = NODES.objectNode();
        tool.put("type", "tool");
        tool.put("spec_version", "2.1");
        tool.put("id", "tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
        tool.put("created", "x".repeat(10_000_000));
        tool.put("modified", "2016-04-06T20:03:48.000Z");
        tool.put("name", "VNC");

        ValidationReport report = validator.validateObject(tool, "/objects/0");

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEqualTo("/objects/0/created");
            assertThat(error.message()).hasSizeLessThan(300);
        });
    }

    @Test
    void strangePropertyNamesAreEscapedInPointers() {
        ObjectNode tool = NODES.objectNode();
        tool.put("type", "tool");
        tool.put("spec_version", "2.1");
        tool.put("id", "tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
        tool.put("created", "2016-04-06T20:03:48.000Z");
        tool.put("modified", "2016-04-06T20:03:48.000Z");
        tool.put("name", "VNC");
        tool.put("a/b~c", 1);

        ValidationReport report = validator.validateObject(tool, "");

        assertThat(report.errors()).extracting(ValidationError::pointer).containsExactly("/a~1b~0c");
    }

    @Test
    void everyKnownTypeWithOnlyATypeNeverThrows() {
        for (String type : List.of("attack-pattern", "campaign", "course-of-action", "grouping", "identity",
                "incident", "indicator", "infrastructure", "intrusion-set", "location", "malware",
                "malware-analysis", "note", "observed-data", "opinion", "report", "threat-actor", "tool",
                "vulnerability", "relationship", "sighting", "artifact", "autonomous-system", "directory",
                "domain-name", "email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex",
                "network-traffic", "process", "software", "url", "user-account", "windows-registry-key",
                "x509-certificate", "marking-definition", "language-content", "extension-definition", "x-custom")) {
            ValidationReport report = validator.validateObject(NODES.objectNode().put("type", type), "");
            assertThat(report.valid()).as(type).isFalse();
            assertNoInternalError(report);
        }
    }

    private static JsonNode lastObject(JsonNode bundle) {
        JsonNode objects = bundle.get("objects");
        return objects.get(objects.size() - 1);
    }

    private static void assertNoInternalError(ValidationReport report) {
        assertThat(report.errors()).extracting(ValidationError::rule).doesNotContain("internal-error");
    }

    private static JsonNode fixture() throws IOException {
        try (InputStream in = StixHostileInputTests.class
                .getResourceAsStream("/stix/valid/energy-ransomware-incident.json")) {
            return MAPPER.readTree(in);
        }
    }

}
