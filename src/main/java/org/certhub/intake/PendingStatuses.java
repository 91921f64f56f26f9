package org.certhub.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import org.certhub.kafka.RateLimitedLog;
import org.certhub.search.SearchIndices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "pending" statuses this instance has answered 202 for, held in memory until Elasticsearch has
 * them, and written there by one background thread in bulks. Recording never waits: a submission is
 * acknowledged once Kafka has it, whatever Elasticsearch is doing, and its status URL answers from
 * memory while the status index is stalled, down or simply behind. When Elasticsearch stalls the
 * queue fills and further pending statuses stay in memory only: the pipeline writes the final
 * status once it indexes the bundle, and a pending status is only ever created, never updated, so
 * nothing here can overwrite a "complete".
 */
final class PendingStatuses implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PendingStatuses.class);
    private static final int MAX_BULK = 2000;
    private static final long FLUSH_MILLIS = 100;

    private final ElasticsearchClient client;
    private final BlockingQueue<SubmissionStatus> unwritten;
    private final Map<String, SubmissionStatus> recent;
    private final Thread writer;
    private final RateLimitedLog failures = new RateLimitedLog(log, TimeUnit.SECONDS.toMillis(30));
    private volatile boolean open = true;

    /**
     * @param queued most statuses waiting for their bulk; past it new ones stay in memory only
     * @param remembered most statuses held in memory (the oldest go first)
     */
    PendingStatuses(ElasticsearchClient client, int queued, int remembered) {
        this.client = client;
        this.unwritten = new ArrayBlockingQueue<>(queued);
        this.recent = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SubmissionStatus> eldest) {
                return size() > remembered;
            }
        };
        this.writer = new Thread(this::writeUntilClosed, "status-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    void record(SubmissionStatus status) {
        synchronized (recent) {
            recent.put(status.id(), status);
        }
        if (!unwritten.offer(status)) {
            failures.warn("Status index behind: pending status {} kept in memory only until the bundle is indexed",
                    status.id());
        }
    }

    /** A pending status this instance recorded, if it still remembers it. */
    Optional<SubmissionStatus> find(String id) {
        synchronized (recent) {
            return Optional.ofNullable(recent.get(id));
        }
    }

    private void writeUntilClosed() {
        List<SubmissionStatus> batch = new ArrayList<>(MAX_BULK);
        while (open || !unwritten.isEmpty()) {
            try {
                SubmissionStatus first = unwritten.poll(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                unwritten.drainTo(batch, MAX_BULK - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<SubmissionStatus> batch) {
        List<BulkOperation> operations = batch.stream().map(status -> BulkOperation.of(op -> op.create(c -> c
                .index(SearchIndices.STATUS).id(status.id()).document(StatusStore.document(status))))).toList();
        try {
            BulkResponse response = client.bulk(b -> b.operations(operations).requireAlias(true));
            long failed = response.items().stream().filter(item -> item.error() != null && item.status() != 409).count();
            if (failed > 0) {
                failures.warn("Could not record {} of {} pending statuses (kept in memory)", failed, batch.size());
            }
        } catch (Exception e) {
            // The statuses stay answerable from memory; the final ones come from the pipeline.
            failures.warn("Could not record {} pending statuses (kept in memory): {}", batch.size(), e.toString());
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
