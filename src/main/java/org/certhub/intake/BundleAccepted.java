package org.certhub.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A submitted bundle, accepted and durable in Kafka: the event the pipeline consumes. On the topic
 * the record key is the bundle id, the value is the normalised STIX bundle (plain STIX 2.1 JSON,
 * readable by anyone replaying the topic) and the rest travels in headers.
 *
 * @param schemaVersion version of this event's layout ({@value #SCHEMA_VERSION})
 * @param submissionId the status resource id
 * @param bundleId the STIX bundle id
 * @param owner the principal id of the submitting CERT
 * @param receivedAt when the hub accepted it
 * @param objectCount number of objects in the bundle
 * @param bundle the normalised bundle, UTF-8 JSON
 */
public record BundleAccepted(int schemaVersion, String submissionId, String bundleId, String owner,
        Instant receivedAt, int objectCount, byte[] bundle) {

    public static final int SCHEMA_VERSION = 1;
    static final String HEADER_SCHEMA = "certhub-schema";
    static final String HEADER_SUBMISSION = "certhub-submission-id";
    static final String HEADER_OWNER = "certhub-owner";
    static final String HEADER_RECEIVED = "certhub-received-at";
    static final String HEADER_COUNT = "certhub-object-count";

    /** The record this event travels as on {@code topic}. */
    public ProducerRecord<String, byte[]> toRecord(String topic) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, bundleId, bundle);
        Headers headers = record.headers();
        headers.add(HEADER_SCHEMA, bytes(String.valueOf(schemaVersion)));
        headers.add(HEADER_SUBMISSION, bytes(submissionId));
        headers.add(HEADER_OWNER, bytes(owner));
        headers.add(HEADER_RECEIVED, bytes(receivedAt.toString()));
        headers.add(HEADER_COUNT, bytes(String.valueOf(objectCount)));
        return record;
    }

    /** Reads the event back from a consumed record; empty when its headers are not ours. */
    public static Optional<BundleAccepted> fromRecord(ConsumerRecord<String, byte[]> record) {
        try {
            Headers headers = record.headers();
            return Optional.of(new BundleAccepted(Integer.parseInt(header(headers, HEADER_SCHEMA)),
                    header(headers, HEADER_SUBMISSION), record.key(), header(headers, HEADER_OWNER),
                    Instant.parse(header(headers, HEADER_RECEIVED)), Integer.parseInt(header(headers, HEADER_COUNT)),
                    record.value()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null) {
            throw new IllegalArgumentException("missing header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
