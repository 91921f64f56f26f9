package org.certhub.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.certhub.search.SearchIndices;
import org.springframework.stereotype.Component;

/**
 * Writes object versions where they belong: the newest version of an owner's copy is its current
 * document, every other version a document of the version index. A version document is written
 * only for a version that is not current (one that arrived late, or one a newer version replaces),
 * so an object that never changes costs one document, not two.
 * <p>
 * Replacing a current document is conditional on the one read (sequence number and primary term):
 * when another writer replaced it meanwhile, the version is planned again against the new one, so
 * no version is ever overwritten without its version document. That document is written, and
 * acknowledged, before the current document is replaced, so a crash in between loses nothing: the
 * replay finds the same current document and writes the same version document again (refused as
 * already there). A replay of a version already current writes nothing.
 */
@Component
class VersionWriter {

    /** Rounds of re-planning the versions that lost a race before the whole batch is retried. */
    private static final int MAX_ROUNDS = 8;

    private final Rest5Client rest;
    private final CurrentDocuments currents;
    private final DeletedObjects deleted;

    VersionWriter(Rest5Client rest, CurrentDocuments currents, DeletedObjects deleted) {
        this.rest = rest;
        this.currents = currents;
        this.deleted = deleted;
    }

    /** One version to write, and once written, how it went ({@code failure} empty when stored). */
    static final class Write {
        final String owner;
        final Instant receivedAt;
        final ObjectDocuments.Documents docs;
        /** The version this write made non-current, if any, as (received at) for the deletion check. */
        Optional<Instant> supersededReceivedAt = Optional.empty();
        Optional<String> failure = Optional.empty();

        Write(String owner, Instant receivedAt, ObjectDocuments.Documents docs) {
            this.owner = owner;
            this.receivedAt = receivedAt;
            this.docs = docs;
        }
    }

    /**
     * Writes every version; afterwards each {@link Write} says whether it was stored.
     *
     * @throws TransientIndexingException when Elasticsearch refused items for now; the caller retries
     *     the batch, which writes nothing twice
     */
    void write(List<Write> writes) throws IOException {
        List<Write> open = writes;
        for (int round = 0; !open.isEmpty(); round++) {
            if (round == MAX_ROUNDS) {
                throw new TransientIndexingException(open.size() + " versions kept losing races for their current document");
            }
            open = writeOnce(open);
        }
    }

    /** @return the writes whose current document changed between the read and the write */
    private List<Write> writeOnce(List<Write> writes) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        writes.forEach(write -> ids.add(write.docs.currentId()));
        Map<String, CurrentDocuments.Stored> stored = currents.find(ids);

        List<Write> versioned = new ArrayList<>();
        List<VersionDocument> versionDocs = new ArrayList<>();
        List<Write> replacing = new ArrayList<>();
        for (Write write : writes) {
            CurrentDocuments.Stored current = stored.get(write.docs.currentId());
            if (current == null || current.order() < write.docs.order()) {
                replacing.add(write);
                if (current != null) {
                    VersionDocument previous = VersionDocument.of(current.source());
                    write.supersededReceivedAt = Optional.of(previous.receivedAt());
                    // A version its owner deleted stays deleted, even as a former version.
                    if (!deleted.deletes(write.owner, write.docs.stixId(), previous.receivedAt())) {
                        versioned.add(write);
                        versionDocs.add(previous);
                    }
                }
            } else if (current.order() > write.docs.order()) {
                versioned.add(write);
                versionDocs.add(VersionDocument.of(write.docs.current()));
            }
            // Equal: this version is current already (a replay, or the same version sent twice).
        }
        createVersionDocuments(versioned, versionDocs);
        return replaceCurrents(replacing, stored);
    }

    private void createVersionDocuments(List<Write> writes, List<VersionDocument> documents) throws IOException {
        if (writes.isEmpty()) {
            return;
        }
        NdjsonBulk bulk = new NdjsonBulk();
        for (int i = 0; i < writes.size(); i++) {
            VersionDocument document = documents.get(i);
            bulk.create(SearchIndices.OBJECT_VERSIONS, document.id(writes.get(i).docs.currentId()), document.json());
        }
        List<NdjsonBulk.Item> items = bulk.send(rest);
        for (int i = 0; i < writes.size(); i++) {
            // 409: written before (a replay, or the same former version superseded twice).
            record(writes.get(i), items.get(i), true);
        }
    }

    private List<Write> replaceCurrents(List<Write> writes, Map<String, CurrentDocuments.Stored> stored) throws IOException {
        List<Write> eligible = writes.stream().filter(write -> write.failure.isEmpty()).toList();
        if (eligible.isEmpty()) {
            return List.of();
        }
        NdjsonBulk bulk = new NdjsonBulk();
        for (Write write : eligible) {
            CurrentDocuments.Stored current = stored.get(write.docs.currentId());
            if (current == null) {
                bulk.create(SearchIndices.OBJECTS, write.docs.currentId(), write.docs.current());
            } else {
                bulk.replace(SearchIndices.OBJECTS, write.docs.currentId(), current.seqNo(), current.primaryTerm(),
                        write.docs.current());
            }
        }
        List<NdjsonBulk.Item> items = bulk.send(rest);
        List<Write> lost = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            NdjsonBulk.Item item = items.get(i);
            if (item.status() == 409) {
                lost.add(eligible.get(i));
            } else {
                record(eligible.get(i), item, false);
            }
        }
        return lost;
    }

    private static void record(Write write, NdjsonBulk.Item item, boolean conflictMeansStored) {
        if (!item.failed() || (conflictMeansStored && item.status() == 409)) {
            return;
        }
        if (item.status() == 429 || item.status() >= 500) {
            throw new TransientIndexingException("Elasticsearch refused items for now (status " + item.status()
                    + "); the batch will be retried");
        }
        write.failure = Optional.of("not indexed: " + item.errorType().orElse("status " + item.status()));
    }
}
