package org.certhub.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ContainersTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void objectsBelongToTheIncidentThatReachesThemThroughRelationships() {
        Map<String, String> assigned = assign("""
                [{"type":"incident","id":"incident--1"},
                 {"type":"relationship","id":"relationship--1","source_ref":"incident--1","target_ref":"malware--1"},
                 {"type":"relationship","id":"relationship--2","source_ref":"indicator--1","target_ref":"malware--1"},
                 {"type":"malware","id":"malware--1"},
                 {"type":"indicator","id":"indicator--1","created_by_ref":"identity--1"},
                 {"type":"identity","id":"identity--1"},
                 {"type":"report","id":"report--1","object_refs":["indicator--2"]},
                 {"type":"indicator","id":"indicator--2"},
                 {"type":"indicator","id":"indicator--3"}]""");

        assertThat(assigned).containsEntry("indicator--1", "incident--1").containsEntry("malware--1", "incident--1")
                .containsEntry("indicator--2", "report--1").containsEntry("incident--1", "incident--1")
                .containsEntry("indicator--3", "bundle--1");
    }

    @Test
    void unreferencedObjectsBelongToTheOnlyContainerOrElseTheBundle() {
        assertThat(assign("[{\"type\":\"report\",\"id\":\"report--1\",\"object_refs\":[\"x--1\"]},{\"type\":\"indicator\",\"id\":\"indicator--9\"}]"))
                .containsEntry("indicator--9", "report--1");
        assertThat(assign("[{\"type\":\"indicator\",\"id\":\"indicator--9\"}]")).containsEntry("indicator--9", "bundle--1");
    }

    @Test
    void aSharedIdentityDoesNotJoinTwoIncidents() {
        Map<String, String> assigned = assign("""
                [{"type":"incident","id":"incident--1"},{"type":"incident","id":"incident--2"},
                 {"type":"relationship","id":"relationship--1","source_ref":"incident--1","target_ref":"identity--victim"},
                 {"type":"relationship","id":"relationship--2","source_ref":"incident--2","target_ref":"identity--victim"},
                 {"type":"relationship","id":"relationship--3","source_ref":"indicator--2","target_ref":"incident--2"},
                 {"type":"identity","id":"identity--victim"},{"type":"indicator","id":"indicator--2"}]""");

        assertThat(assigned).containsEntry("indicator--2", "incident--2");
    }

    private static Map<String, String> assign(String objects) {
        return Containers.assign(JSON.readTree(objects), "bundle--1");
    }
}
