package org.certhub.tenancy.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certhub.tenancy.TenancyProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The tenancy topic (created at start-up by Spring's {@code KafkaAdmin}) and how its clients are
 * made: from the hub's Kafka settings (servers, security), with String serialisation and the
 * guarantees the system of record needs fixed here. The clients are not beans, so the hub's
 * default Kafka template and factories stay as Boot configures them.
 */
@Configuration(proxyBeanMethods = false)
class TenancyTopicConfiguration {

    @Bean
    NewTopic tenancyTopic(TenancyProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(1).replicas(properties.replicationFactor())
                .compact().build();
    }

    /** A producer that is only done when every in-sync replica has the record. */
    static DefaultKafkaProducerFactory<String, String> producerFactory(ProducerFactory<?, ?> hubProducers) {
        Map<String, Object> config = new HashMap<>(hubProducers.getConfigurationProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A consumer without a group: it assigns the partition itself and always reads from the start. */
    static Consumer<String, String> consumer(ConsumerFactory<?, ?> hubConsumers) {
        Map<String, Object> config = new HashMap<>(hubConsumers.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
