package org.certhub.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certhub.web.ProblemError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refused bundle's errors grouped by the object they concern ({@code /objects/3/...} is the fourth
 * object, named by its type and id when the bundle could be read), each at its field.
 */
final class FieldErrors {

    /** The errors of one object (or of the bundle itself, index -1). */
    record Group(int index, String type, String id, List<Field> errors) {
    }

    /** One error at one field: the property path inside the object, and the rule it breaks. */
    record Field(String field, String pointer, String rule, String message) {
    }

    private static final Pattern OBJECT = Pattern.compile("^/objects/(\\d+)(/.*)?$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FieldErrors() {
    }

    static List<Group> of(List<ProblemError> errors, byte[] body) {
        JsonNode objects = objects(body);
        Map<Integer, List<Field>> byObject = new LinkedHashMap<>();
        for (ProblemError error : errors) {
            String pointer = error.pointer() == null ? "" : error.pointer();
            Matcher object = OBJECT.matcher(pointer);
            int index = object.matches() ? Integer.parseInt(object.group(1)) : -1;
            String field = object.matches() ? (object.group(2) == null ? "" : object.group(2).substring(1)) : pointer;
            byObject.computeIfAbsent(index, i -> new ArrayList<>())
                    .add(new Field(field, pointer, error.rule(), error.message()));
        }
        List<Group> groups = new ArrayList<>();
        byObject.forEach((index, fields) -> {
            JsonNode object = index >= 0 ? objects.path(index) : JSON.missingNode();
            groups.add(new Group(index, object.path("type").asString(""), object.path("id").asString(""), fields));
        });
        return groups;
    }

    private static JsonNode objects(byte[] body) {
        try {
            return JSON.readTree(body).path("objects");
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return JSON.missingNode();
        }
    }
}
