package org.certhub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.certhub.HubIntegrationTest;
import org.certhub.intake.BundleAccepted;
import org.certhub.search.ObjectQueries;
import org.certhub.search.SearchIndices;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.SharingPolicy.Audience;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where object versions are written: an object's current version once, in the objects index; a
 * version document only for a version that is not current. Driven through the writer itself, so
 * that several writers can race on one object as two indexer threads (or hubs) would.
 */
@HubIntegrationTest
class VersionWriterIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Audience UZ = new Audience("uz-cert", Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER));
    private static final String CREATED = "2026-11-01T10:00:00.000Z";

    @Autowired
    VersionWriter writer;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    Rest5Client rest;

    @Autowired
    ObjectQueries queries;

    @Test
    void anObjectThatNeverChangesHasNoVersionDocumentAndAReplacedVersionGetsOneWithItsObjectAsSent() throws Exception {
        String id = "malware--" + UUID.randomUUID();
        // As sent: a number's text that a parse and re-serialisation would not keep ("1.50" would be 1.5).
        String first = malware(id, CREATED, "1.50");
        write(first);
        assertThat(versionDocumentsOf(id)).as("a first version is its current document alone").isEmpty();

        write(malware(id, "2026-11-02T10:00:00.000Z", "2.0"));

        assertThat(versionDocumentsOf(id)).extracting(hit -> hit.id()).containsExactly("kz-cert/" + id + "@" + CREATED);
        String stored = rawSource(SearchIndices.OBJECT_VERSIONS, "kz-cert/" + id + "@" + CREATED);
        assertThat(stored).contains("\"object\":" + first);
        JsonNode versionDocument = JSON.readTree(stored);
        assertThat(versionDocument.path("first_version").asBoolean()).isTrue();
        assertThat(versionDocument.path("owner").asString()).isEqualTo("kz-cert");
        elasticsearch.indices().refresh(r -> r.index(SearchIndices.OBJECTS));
        assertThat(queries.versions(id, UZ)).extracting(v -> v.object().path("modified").asString())
                .containsExactly("2026-11-02T10:00:00.000Z", CREATED);
    }

    @Test
    void writersRacingOnOneObjectKeepItsNewestVersionCurrentAndEveryOtherVersionOnce() throws Exception {
        String id = "malware--" + UUID.randomUUID();
        List<String> modified = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            modified.add(Instant.parse(CREATED).plus(i, ChronoUnit.MINUTES).toString());
        }
        List<String> shuffled = new ArrayList<>(modified);
        Collections.shuffle(shuffled);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                List<String> mine = shuffled.subList(w * 6, w * 6 + 6);
                done.add(writers.submit((Callable<Void>) () -> {
                    for (String version : mine) {
                        // Every version twice: the second is a replay, which must write nothing.
                        write(malware(id, version, "1"), malware(id, version, "1"));
                    }
                    return null;
                }));
            }
            for (Future<Void> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }

        String newest = modified.get(modified.size() - 1);
        assertThat(JSON.readTree(rawSource(SearchIndices.OBJECTS, "kz-cert/" + id)).path("modified").asString())
                .isEqualTo(newest);
        assertThat(versionDocumentsOf(id)).extracting(hit -> hit.source().path("modified").asString())
                .containsExactlyInAnyOrderElementsOf(modified.subList(0, modified.size() - 1));
    }

    @Test
    void aReplacedVersionIsStoredBeforeItsReplacementSoAWriteCutShortBetweenTheTwoLosesNothing() throws Exception {
        String id = "malware--" + UUID.randomUUID();
        write(malware(id, CREATED, "1"));
        String second = "2026-11-02T10:00:00.000Z";
        // The objects index refuses writes: the replacement fails as a crash right after the
        // version document would leave it.
        setObjectsWriteBlock(true);
        List<VersionWriter.Write> cutShort;
        try {
            cutShort = writes(malware(id, second, "2"));
            writer.write(cutShort);
        } finally {
            setObjectsWriteBlock(false);
        }
        assertThat(cutShort.get(0).failure).isPresent();
        assertThat(versionDocumentsOf(id)).extracting(hit -> hit.source().path("modified").asString()).containsExactly(CREATED);
        assertThat(JSON.readTree(rawSource(SearchIndices.OBJECTS, "kz-cert/" + id)).path("modified").asString()).isEqualTo(CREATED);

        write(malware(id, second, "2"));

        assertThat(JSON.readTree(rawSource(SearchIndices.OBJECTS, "kz-cert/" + id)).path("modified").asString()).isEqualTo(second);
        assertThat(versionDocumentsOf(id)).extracting(hit -> hit.source().path("modified").asString()).containsExactly(CREATED);
    }

    private void setObjectsWriteBlock(boolean blocked) throws Exception {
        elasticsearch.indices().putSettings(s -> s.index(SearchIndices.OBJECTS)
                .settings(settings -> settings.blocks(b -> b.write(blocked))));
    }

    private void write(String... objects) throws Exception {
        List<VersionWriter.Write> writes = writes(objects);
        writer.write(writes);
        assertThat(writes).allSatisfy(write -> assertThat(write.failure).isEmpty());
    }

    private static List<VersionWriter.Write> writes(String... objects) {
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":["
                + String.join(",", objects) + "]}";
        BundleAccepted accepted = new BundleAccepted(BundleAccepted.SCHEMA_VERSION, UUID.randomUUID().toString(),
                "bundle--" + UUID.randomUUID(), "kz-cert", Instant.now(), objects.length, bundle.getBytes(StandardCharsets.UTF_8));
        Instant dateAdded = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return BundleObjects.of(accepted.bundle()).stream()
                .map(object -> new VersionWriter.Write("kz-cert", accepted.receivedAt(),
                        ObjectDocuments.of(object, accepted, dateAdded)))
                .toList();
    }

    private List<Hit<JsonNode>> versionDocumentsOf(String id) throws Exception {
        elasticsearch.indices().refresh(r -> r.index(SearchIndices.OBJECT_VERSIONS));
        return elasticsearch.search(s -> s.index(SearchIndices.OBJECT_VERSIONS).size(100)
                .query(q -> q.term(t -> t.field("stix_id").value(id))), JsonNode.class).hits().hits();
    }

    private String rawSource(String index, String documentId) throws Exception {
        Request get = new Request("GET", "/" + index + "/_source/" + java.net.URLEncoder.encode(documentId, StandardCharsets.UTF_8));
        try (InputStream body = rest.performRequest(get).getEntity().getContent()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String malware(String id, String modified, String score) {
        return "{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"" + CREATED
                + "\",\"modified\":\"" + modified + "\",\"name\":\"steppe loader\",\"is_family\":false,"
                + "\"x_certhub_score\":" + score + ",\"object_marking_refs\":[\"" + Tlp.GREEN.markingDefinitionId() + "\"]}";
    }
}
