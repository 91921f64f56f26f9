package org.certhub.feed.subscription;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.certhub.outbound.TargetPolicy;
import org.certhub.intake.IntakeProperties;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.SharingPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Decides which subscriptions this hub instance delivers, so that each is delivered by one
 * instance at a time: every instance joins one consumer group on the subscriptions topic, and the
 * partitions Kafka assigns to it are its leases. A subscription is delivered by the holder of the
 * partition its record is on; when an instance leaves or crashes, Kafka hands its partitions (and
 * so its subscriptions) to the others, which continue from the committed positions.
 */
@Component
class SubscriptionDeliverers implements SmartLifecycle {

    static final String LEASE_GROUP = "certhub-feed-subscription-leases";
    private static final Logger log = LoggerFactory.getLogger(SubscriptionDeliverers.class);
    private static final Duration POLL = Duration.ofMillis(300);

    private final SubscriptionView view;
    private final DeliveryContext context;
    private final SubscriptionProperties properties;
    private final KafkaProperties kafka;
    private final Set<Integer> leased = ConcurrentHashMap.newKeySet();
    private final Map<String, SubscriptionDelivery> deliveries = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread leaseHolder;
    private volatile Consumer<String, String> leases;

    SubscriptionDeliverers(SubscriptionView view, SubscriptionStore store, Community community, SharingPolicy policy,
            SubscriptionProperties properties, KafkaProperties kafka, IntakeProperties intake, TargetPolicy targets) {
        this.view = view;
        this.properties = properties;
        this.context = new DeliveryContext(store, new WebhookSender(properties, targets), community, policy, properties,
                new RetryBackOff(properties.initialBackOff(), properties.maxBackOff()), kafka, intake.topic());
        this.kafka = kafka;
    }

    @Override
    public void start() {
        leases = SubscriptionKafkaConfiguration.groupMember(kafka, LEASE_GROUP);
        running = true;
        leaseHolder = new Thread(this::holdLeases, "subscription-leases");
        leaseHolder.setDaemon(true);
        leaseHolder.start();
    }

    private void holdLeases() {
        try {
            leases.subscribe(List.of(properties.topic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(partition -> leased.remove(partition.partition()));
                    reconcile();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    partitions.forEach(partition -> leased.add(partition.partition()));
                    reconcile();
                }
            });
            while (running) {
                try {
                    // The records are not needed (the view has them): polling keeps the leases.
                    leases.poll(POLL);
                    reconcile();
                } catch (WakeupException e) {
                    // stop() woke us up
                } catch (KafkaException e) {
                    log.warn("Holding the subscription leases failed, retrying: {}", e.toString());
                }
            }
        } finally {
            leased.clear();
            reconcile();
            leases.close(Duration.ofSeconds(5));
        }
    }

    /** Starts the deliveries this instance holds the lease of, and stops the others. */
    private synchronized void reconcile() {
        Set<String> wanted = new HashSet<>();
        if (running) {
            view.all().stream().filter(placed -> leased.contains(placed.partition()))
                    .forEach(placed -> wanted.add(placed.subscription().id()));
        }
        deliveries.entrySet().removeIf(entry -> {
            boolean done = !wanted.contains(entry.getKey()) || !entry.getValue().isRunning();
            if (done) {
                entry.getValue().stop();
            }
            return done;
        });
        for (String id : wanted) {
            deliveries.computeIfAbsent(id, this::startDelivery);
        }
    }

    private SubscriptionDelivery startDelivery(String id) {
        SubscriptionDelivery delivery = new SubscriptionDelivery(id, context);
        Thread thread = new Thread(delivery, "subscription-" + id);
        thread.setDaemon(true);
        thread.start();
        log.info("Delivering subscription {} from this instance", id);
        return delivery;
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = leaseHolder;
        if (thread != null) {
            leases.wakeup();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SubscriptionTopicFollower.PHASE + 1;
    }
}
