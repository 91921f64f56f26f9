package org.certhub.playbook.internal;

import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A YAML document as a JSON tree (what the schema checks) together with the line and column of
 * every node, so that each error can say where it is. Parsing composes nodes only: no tags are
 * constructed into objects, aliases are capped and duplicate keys are refused; the document's size,
 * nodes, depth and expanded size are bounded so that any document is read in milliseconds.
 *
 * @param root the document
 * @param positions 1-based line and column per JSON Pointer
 */
record YamlTree(JsonNode root, Map<String, int[]> positions) {

    private static final int MAX_DEPTH = 32;
    /**
     * Aliases a document may use. A playbook names each recipient list once and may refer to it a
     * few times; more is what a document expanding itself exponentially ("billion laughs") needs.
     */
    static final int MAX_ALIASES = 10;
    /**
     * Nodes of the document once aliases are expanded. The largest shipped playbook has about 150, one
     * of 100 steps about 1,500: this leaves room for any real one and bounds the work and memory of
     * parsing and of every later check (a node costs the parser about as much as its bytes).
     */
    static final int MAX_NODES = 2_500;
    /** Parser events of the document as written: a node is one or two (a collection's start and end). */
    static final int MAX_EVENTS = 2 * MAX_NODES;
    /**
     * Characters of the expanded document, counting each node's JSON Pointer and scalar text: an
     * alias of a long string or a long key deep down multiplies like an alias of a collection.
     */
    static final int MAX_EXPANDED_CHARS = 4 * 1024 * 1024;
    /** Characters a document may hold: the file and request size limits are 256 KB. */
    static final int MAX_CODE_POINTS = 1024 * 1024;
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
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        if (text.length() > MAX_CODE_POINTS) {
            throw new Invalid(new PlaybookError("", "yaml-size", "longer than " + MAX_CODE_POINTS + " characters", 1, 1));
        }
        Node node;
        try {
            Parser events = new BoundedEvents(new ParserImpl(new StreamReader(new StringReader(text)), options));
            node = new Composer(events, new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? "not valid YAML" : e.getProblem().trim();
            throw new Invalid(new PlaybookError("", "yaml-syntax", problem, line(mark), column(mark)));
        } catch (YAMLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("aliases")) {
                throw new Invalid(new PlaybookError("", "yaml-aliases", "uses more than " + MAX_ALIASES
                        + " aliases of mappings or sequences", 1, 1));
            }
            if (message.contains("Nesting Depth")) {
                throw new Invalid(new PlaybookError("", "yaml-depth", "nested deeper than " + MAX_DEPTH, 1, 1));
            }
            if (message.contains("code points")) {
                throw new Invalid(new PlaybookError("", "yaml-size", "longer than " + MAX_CODE_POINTS + " characters", 1, 1));
            }
            throw new Invalid(new PlaybookError("", "yaml-syntax", "not valid YAML", 1, 1));
        }
        if (node == null) {
            throw new Invalid(new PlaybookError("", "yaml-syntax", "the document is empty", 1, 1));
        }
        Map<String, int[]> positions = new HashMap<>();
        return new YamlTree(new Expansion().convert(node, "", positions, 0), Map.copyOf(positions));
    }

    /**
     * The parser's events, refused past {@link #MAX_EVENTS}: the composer builds a node per event,
     * and for a document of many tiny nodes that work, not the expansion, is what costs.
     */
    private record BoundedEvents(Parser parser, int[] taken) implements Parser {

        BoundedEvents(Parser parser) {
            this(parser, new int[1]);
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event event = parser.getEvent();
            if (++taken[0] > MAX_EVENTS) {
                throw new Invalid(new PlaybookError("", "yaml-size", "the document has more than " + MAX_NODES + " nodes",
                        line(event.getStartMark()), column(event.getStartMark())));
            }
            return event;
        }
    }

    /**
     * Turns the composed node graph (where an alias is the anchored node itself) into a tree, counting
     * what the expansion costs: a few aliases can otherwise make a small document a huge tree.
     */
    private static final class Expansion {

        private int nodes;
        private long chars;

        private void count(Node node, String pointer) {
            nodes++;
            chars += pointer.length() + (node instanceof ScalarNode scalar ? scalar.getValue().length() : 0);
            if (nodes > MAX_NODES || chars > MAX_EXPANDED_CHARS) {
                throw new Invalid(new PlaybookError(pointer.length() > 256 ? "" : pointer, "yaml-size",
                        "the document expands (aliases included) to more than " + MAX_NODES + " nodes or "
                                + MAX_EXPANDED_CHARS + " characters", line(node.getStartMark()), column(node.getStartMark())));
            }
        }

        private JsonNode convert(Node node, String pointer, Map<String, int[]> positions, int depth) {
            count(node, pointer);
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
