package org.certhub.feed.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The records of the scope topics, as partners read them: key the STIX id, value the STIX 2.1
 * object as UTF-8 JSON (null: the owner deleted it), and these headers.
 */
final class FeedRecords {

    static final String SCHEMA_VERSION = "1";
    static final String HEADER_SCHEMA = "certhub-schema";
    static final String HEADER_OWNER = "certhub-owner";
    static final String HEADER_TLP = "certhub-tlp";
    static final String HEADER_SPEC_VERSION = "certhub-spec-version";
    static final String HEADER_RECEIVED_AT = "certhub-received-at";

    private FeedRecords() {
    }

    static ProducerRecord<String, byte[]> of(String topic, String stixId, byte[] object, String owner, String tlp,
            String receivedAt) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, stixId, object);
        record.headers().add(HEADER_SCHEMA, bytes(SCHEMA_VERSION));
        record.headers().add(HEADER_OWNER, bytes(owner));
        record.headers().add(HEADER_TLP, bytes(tlp));
        record.headers().add(HEADER_SPEC_VERSION, bytes("2.1"));
        record.headers().add(HEADER_RECEIVED_AT, bytes(receivedAt));
        return record;
    }

    /** Sends all and waits for every acknowledgement; any failure fails the batch, which is retried whole. */
    static void sendAll(KafkaTemplate<String, byte[]> kafka, List<ProducerRecord<String, byte[]>> records) {
        List<CompletableFuture<SendResult<String, byte[]>>> sent = records.stream().map(kafka::send).toList();
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the feed records; the batch will be retried", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending feed records", e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
