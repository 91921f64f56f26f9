package org.certhub.playbook.internal;

import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A YAML document as a JSON tree (what the schema checks) together with the line and column of
 * every node, so that each error can say where it is. Parsing composes nodes only: no tags are
 * constructed into objects, aliases are capped and duplicate keys are refused.
 *
 * @param root the document
 * @param positions 1-based line and column per JSON Pointer
 */
record YamlTree(JsonNode root, Map<String, int[]> positions) {

    private static final int MAX_DEPTH = 32;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The position of {@code pointer}, or of its nearest parent that has one. */
    int[] at(String pointer) {
        String current = pointer;
        while (true) {
            int[] position = positions.get(current);
            if (position != null || current.isEmpty()) {
                return position == null ? new int[] {1, 1} : position;
            }
            current = current.substring(0, current.lastIndexOf('/'));
        }
    }

    PlaybookError error(String pointer, String rule, String message) {
        int[] position = at(pointer);
        return new PlaybookError(pointer, rule, message, position[0], position[1]);
    }

    static YamlTree parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        Node node;
        try {
            node = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? "not valid YAML" : e.getProblem().trim();
            throw new Invalid(new PlaybookError("", "yaml-syntax", problem, line(mark), column(mark)));
        } catch (YAMLException e) {
            throw new Invalid(new PlaybookError("", "yaml-syntax", "not valid YAML", 1, 1));
        }
        if (node == null) {
            throw new Invalid(new PlaybookError("", "yaml-syntax", "the document is empty", 1, 1));
        }
        Map<String, int[]> positions = new HashMap<>();
        return new YamlTree(convert(node, "", positions, 0), Map.copyOf(positions));
    }

    private static JsonNode convert(Node node, String pointer, Map<String, int[]> positions, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Invalid(new PlaybookError(pointer, "yaml-depth", "nested deeper than " + MAX_DEPTH,
                    line(node.getStartMark()), column(node.getStartMark())));
        }
        positions.put(pointer, new int[] {line(node.getStartMark()), column(node.getStartMark())});
        if (node instanceof MappingNode mapping) {
            ObjectNode object = NODES.objectNode();
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw new Invalid(new PlaybookError(pointer, "yaml-key", "keys must be plain strings",
                            line(tuple.getKeyNode().getStartMark()), column(tuple.getKeyNode().getStartMark())));
                }
                String name = key.getValue();
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!seen.add(name)) {
                    throw new Invalid(new PlaybookError(child, "yaml-duplicate-key", "the key '" + name + "' appears twice",
                            line(key.getStartMark()), column(key.getStartMark())));
                }
                object.set(name, convert(tuple.getValueNode(), child, positions, depth + 1));
                // An entry is where its key is: that is the line a person looks for.
                positions.put(child, new int[] {line(key.getStartMark()), column(key.getStartMark())});
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = NODES.arrayNode();
            int index = 0;
            for (Node item : sequence.getValue()) {
                array.add(convert(item, pointer + "/" + index++, positions, depth + 1));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private static JsonNode scalar(ScalarNode scalar) {
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return NODES.nullNode();
            }
            if (Tag.BOOL.equals(tag) && (value.equals("true") || value.equals("false"))) {
                return NODES.booleanNode(Boolean.parseBoolean(value));
            }
            if (Tag.INT.equals(tag)) {
                return NODES.numberNode(Long.parseLong(value));
            }
            if (Tag.FLOAT.equals(tag)) {
                return NODES.numberNode(Double.parseDouble(value));
            }
        } catch (NumberFormatException e) {
            return NODES.stringNode(value);
        }
        return NODES.stringNode(value);
    }

    private static int line(Mark mark) {
        return mark == null ? 1 : mark.getLine() + 1;
    }

    private static int column(Mark mark) {
        return mark == null ? 1 : mark.getColumn() + 1;
    }

    /** The text is not a YAML document this loader takes. */
    static final class Invalid extends RuntimeException {
        private final transient PlaybookError error;

        Invalid(PlaybookError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        PlaybookError error() {
            return error;
        }
    }
}
