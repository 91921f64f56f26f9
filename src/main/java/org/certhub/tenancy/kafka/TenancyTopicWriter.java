package org.certhub.tenancy.kafka;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.certhub.tenancy.TenancyProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes principals to the tenancy topic. A write returns once Kafka has acknowledged it (acks=all)
 * and it is applied to this instance's view, so the writer reads its own write at once; other
 * instances get it through their followers.
 */
@Component
public class TenancyTopicWriter implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> kafka;
    private final TenancyView view;
    private final TenancyProperties properties;

    TenancyTopicWriter(ProducerFactory<?, ?> hubProducers, TenancyView view, TenancyProperties properties) {
        this.producers = TenancyTopicConfiguration.producerFactory(hubProducers);
        this.kafka = new KafkaTemplate<>(producers);
        this.view = view;
        this.properties = properties;
    }

    /**
     * Writes the principal's record, replacing its previous one.
     *
     * @throws TenancyWriteFailedException when Kafka did not acknowledge it in time
     */
    public void put(StoredPrincipal principal) {
        RecordMetadata written = send(principal.id(), StoredPrincipalJson.write(principal));
        view.apply(written.offset(), principal.id(), Optional.of(principal));
    }

    private RecordMetadata send(String key, String value) {
        try {
            return kafka.send(properties.topic(), key, value)
                    .get(properties.writeTimeout().toMillis(), TimeUnit.MILLISECONDS).getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenancyWriteFailedException(key, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TenancyWriteFailedException(key, e);
        }
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
