package org.certhub.pipeline;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one consumer set-up of the hub's pipeline stages: batch listeners over {@code String} keys
 * and raw JSON values, offsets committed only after a batch is done, and every failure that
 * escapes a stage treated as transient. A stage dead-letters what it cannot read itself, so what
 * reaches the error handler is an outage (Elasticsearch or Kafka away): the batch is retried with
 * exponential back-off, without end, because accepted submissions must never be dropped. Every
 * stage using this must be idempotent.
 */
public final class ResilientBatchConsumers {

    private static final Logger log = LoggerFactory.getLogger(ResilientBatchConsumers.class);

    private ResilientBatchConsumers() {
    }

    public static ConcurrentKafkaListenerContainerFactory<String, byte[]> factory(KafkaProperties kafka, String group,
            int maxPollRecords, int concurrency, Duration maxBackOff) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A stage that keeps up would otherwise poll a handful of records at a time and pay a round
        // trip to Elasticsearch for each handful; waiting up to 20 ms for 256 KiB makes batches (and
        // bulk requests) large under load for at most 20 ms more latency per stage when idle.
        config.putIfAbsent(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 256 * 1024);
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()));
        factory.setConcurrency(concurrency);
        factory.setBatchListener(true);
        StageRetryLog retries = new StageRetryLog(group);
        factory.setCommonErrorHandler(retryUntilBack(retries, maxBackOff));
        factory.setBatchInterceptor(new BatchInterceptor<>() {
            @Override
            public ConsumerRecords<String, byte[]> intercept(ConsumerRecords<String, byte[]> records,
                    Consumer<String, byte[]> consumer) {
                return records;
            }

            @Override
            public void success(ConsumerRecords<String, byte[]> records, Consumer<String, byte[]> consumer) {
                retries.succeeded();
            }
        });
        return factory;
    }

    private static DefaultErrorHandler retryUntilBack(StageRetryLog retries, Duration maxBackOff) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(maxBackOff.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) ->
                log.error("Gave up on record {}-{}@{}", record.topic(), record.partition(), record.offset(), e), backOff);
        handler.setRetryListeners(retries);
        return handler;
    }
}
