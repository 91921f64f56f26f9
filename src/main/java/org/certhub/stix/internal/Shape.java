package org.certhub.stix.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The properties of a kind of JSON object (a STIX type, an extension, an embedded type): how each known
 * property is checked, which are required, and rules that span several properties.
 */
record Shape(Map<String, Check> props, List<String> required, List<ObjectRule> rules) {

    Shape {
        props = Map.copyOf(props);
        required = List.copyOf(required);
        rules = List.copyOf(rules);
    }

    static Builder builder() {
        return new Builder();
    }

    /** @return a shape with the properties, required names and rules of both */
    Shape plus(Shape other) {
        return builder().include(this).include(other).build();
    }

    boolean knows(String property) {
        return props.containsKey(property);
    }

    static final class Builder {
        private final Map<String, Check> props = new HashMap<>();
        private final Set<String> required = new LinkedHashSet<>();
        private final List<ObjectRule> rules = new ArrayList<>();

        Builder optional(String name, Check check) {
            props.put(name, check);
            return this;
        }

        Builder required(String name, Check check) {
            props.put(name, check);
            required.add(name);
            return this;
        }

        Builder rule(ObjectRule rule) {
            rules.add(rule);
            return this;
        }

        Builder include(Shape shape) {
            props.putAll(shape.props());
            required.addAll(shape.required());
            rules.addAll(shape.rules());
            return this;
        }

        Shape build() {
            return new Shape(props, List.copyOf(required), rules);
        }
    }
}
