package org.certhub.feed.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Subscriptions, durable in their compacted topic: every change is acknowledged by Kafka before it
 * counts, then applied to this instance's view at once (read-your-writes), and reaches the other
 * instances through their followers.
 */
@Component
class SubscriptionStore implements DisposableBean {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final DefaultKafkaProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> producer;
    private final SubscriptionView view;
    private final SubscriptionProperties properties;

    SubscriptionStore(KafkaProperties kafka, SubscriptionView view, SubscriptionProperties properties) {
        this.producers = SubscriptionKafkaConfiguration.producerFactory(kafka);
        this.producer = new KafkaTemplate<>(producers);
        this.view = view;
        this.properties = properties;
    }

    Optional<SubscriptionView.Placed> find(String id) {
        return view.find(id);
    }

    /** The principal's subscriptions, oldest first. */
    List<Subscription> of(String owner) {
        return view.all().stream().map(SubscriptionView.Placed::subscription)
                .filter(subscription -> subscription.owner().equals(owner)).toList();
    }

    DeliveryStatus status(String id) {
        return view.status(id);
    }

    void save(Subscription subscription) {
        send(subscription.id(), SubscriptionRecords.write(subscription));
    }

    void save(String id, DeliveryStatus status) {
        send(SubscriptionRecords.statusKey(id), SubscriptionRecords.write(status));
    }

    void delete(String id) {
        send(SubscriptionRecords.statusKey(id), null);
        send(id, null);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    private void send(String key, String value) {
        try {
            SendResult<String, String> sent = producer.send(new ProducerRecord<>(properties.topic(), key, value))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            view.apply(sent.getRecordMetadata().partition(), sent.getRecordMetadata().offset(), key, value);
        } catch (ExecutionException | TimeoutException e) {
            throw new SubscriptionStoreUnavailableException("The subscriptions topic did not acknowledge " + key, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubscriptionStoreUnavailableException("Interrupted while storing " + key, e);
        }
    }
}
