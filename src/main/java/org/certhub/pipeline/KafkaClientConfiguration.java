package org.certhub.pipeline;

import org.apache.kafka.clients.admin.Admin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Long-lived Kafka clients shared by the pipeline's components. */
@Configuration(proxyBeanMethods = false)
class KafkaClientConfiguration {

    /** One admin client for health checks and topic inspection, closed with the context. */
    @Bean(destroyMethod = "close")
    Admin kafkaAdminClient(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }
}
