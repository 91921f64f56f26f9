package org.certhub.playbook.kafka;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.certhub.pipeline.ListenersAwaitingIndices;
import org.certhub.pipeline.ResilientBatchConsumers;
import org.certhub.playbook.PlaybookProperties;
import org.certhub.playbook.internal.PlaybookRegistry;
import org.certhub.playbook.internal.VersionLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The engine's topics (created when missing; the notification topics it shares are the notify
 * module's), its three consumer stages and the version registry.
 */
@Configuration(proxyBeanMethods = false)
class PlaybookKafkaConfiguration {

    static final String TRIGGER_FACTORY = "playbookTriggerContainerFactory";
    static final String EVENTS_FACTORY = "playbookEventsContainerFactory";
    static final String RUNS_FACTORY = "playbookRunsContainerFactory";
    private static final Logger log = LoggerFactory.getLogger(PlaybookKafkaConfiguration.class);

    @Bean
    PlaybookRegistry playbookRegistry(VersionLedger ledger, PlaybookProperties properties) {
        return new PlaybookRegistry(ledger, Clock.systemUTC(), properties.maxFileSize().toBytes());
    }

    @Bean
    NewTopic playbookRunsTopic(PlaybookProperties properties) {
        return partitioned(properties, properties.topics().runs());
    }

    @Bean
    NewTopic playbookVersionsTopic(PlaybookProperties properties) {
        return TopicBuilder.name(properties.topics().versions()).partitions(1).replicas(properties.replicationFactor())
                .compact().build();
    }

    @Bean
    NewTopic playbookPublicationsTopic(PlaybookProperties properties) {
        return partitioned(properties, properties.topics().publications());
    }

    @Bean
    NewTopic playbookDeadLetterTopic(PlaybookProperties properties) {
        return TopicBuilder.name(properties.topics().deadLetter()).partitions(1).replicas(properties.replicationFactor())
                .config("retention.ms", "-1").build();
    }

    private static NewTopic partitioned(PlaybookProperties properties, String name) {
        return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicationFactor()).build();
    }

    @Bean(TRIGGER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> playbookTriggerContainerFactory(KafkaProperties kafka,
            PlaybookProperties properties) {
        return ResilientBatchConsumers.factory(kafka, TriggerStage.LISTENER_ID, properties.maxPollRecords(),
                properties.concurrency(), properties.maxBackOff());
    }

    @Bean(EVENTS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> playbookEventsContainerFactory(KafkaProperties kafka,
            PlaybookProperties properties) {
        return ResilientBatchConsumers.factory(kafka, EventRelay.LISTENER_ID, properties.maxPollRecords(),
                properties.concurrency(), properties.maxBackOff());
    }

    /** The runs stage re-arms the deadline timers of the partitions it is given, and drops those it loses. */
    @Bean(RUNS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> playbookRunsContainerFactory(KafkaProperties kafka,
            PlaybookProperties properties, DeadlineTimers timers) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = ResilientBatchConsumers.factory(kafka,
                RunStage.LISTENER_ID, properties.maxPollRecords(), properties.concurrency(), properties.maxBackOff());
        factory.getContainerProperties().setConsumerRebalanceListener(timers);
        return factory;
    }

    @Bean
    ListenersAwaitingIndices playbookAwaitsIndices(PlaybookProperties properties) {
        if (!properties.enabled()) {
            log.info("The playbook engine is switched off (certhub.playbook.enabled=false)");
            return new ListenersAwaitingIndices(List.of());
        }
        return new ListenersAwaitingIndices(List.of(RunStage.LISTENER_ID, EventRelay.LISTENER_ID, TriggerStage.LISTENER_ID));
    }
}
