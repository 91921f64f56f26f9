package org.certhub.console.web;

import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answers as the plain maps their JSON is, so that pages read the same names the API
 * documents (and nothing the API would not send reaches a page).
 */
final class ApiViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private ApiViews() {
    }

    static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : JSON.convertValue(value, LIST);
    }

    static Map<String, Object> map(Object value) {
        return JSON.convertValue(value, MAP);
    }
}
