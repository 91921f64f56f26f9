package org.certhub.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * A STIX object's properties as a reader wants them (type, id, name and markings are the page's
 * heading): the well-known ones first, references as links
 * to the objects they name, other values as text (the template escapes every one of them).
 */
final class ObjectFields {

    /** One property: its name, its text, and the STIX ids it refers to (each a link). */
    record Field(String name, String text, List<String> refs) {
    }

    private static final List<String> FIRST = List.of("description", "pattern", "value", "created", "modified",
            "first_seen", "last_seen", "published", "valid_from", "labels");
    private static final Set<String> SHOWN_ELSEWHERE = Set.of("type", "id", "name", "spec_version", "object_marking_refs",
            "created_by_ref");

    private ObjectFields() {
    }

    static List<Field> of(JsonNode object) {
        List<Field> fields = new ArrayList<>();
        FIRST.stream().filter(object::has).forEach(name -> fields.add(field(name, object.get(name))));
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String name = property.getKey();
            if (!FIRST.contains(name) && !SHOWN_ELSEWHERE.contains(name)) {
                fields.add(field(name, property.getValue()));
            }
        }
        return fields;
    }

    private static Field field(String name, JsonNode value) {
        if (name.endsWith("_ref") && value.isString()) {
            return new Field(name, "", List.of(value.asString()));
        }
        if (name.endsWith("_refs") && value.isArray()) {
            List<String> refs = new ArrayList<>();
            value.forEach(ref -> refs.add(ref.asString()));
            return new Field(name, "", refs);
        }
        if (value.isArray() && value.valueStream().allMatch(JsonNode::isString)) {
            return new Field(name, String.join(", ", value.valueStream().map(JsonNode::asString).toList()), List.of());
        }
        return new Field(name, value.isString() ? value.asString() : value.toString(), List.of());
    }
}
