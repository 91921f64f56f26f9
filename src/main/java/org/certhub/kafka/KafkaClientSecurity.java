package org.certhub.kafka;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Puts the {@code certhub.kafka.*} credentials into Spring's {@link KafkaProperties}, before any
 * client is built from them: every producer, consumer, listener container and admin client of the
 * hub (all built from those properties) then authenticates the same way, in embedded and external mode.
 */
@Configuration(proxyBeanMethods = false)
class KafkaClientSecurity {

    @Bean
    static BeanPostProcessor kafkaClientCredentials(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaProperties kafka) {
                    KafkaConnectionProperties connection = Binder.get(environment)
                            .bindOrCreate("certhub.kafka", KafkaConnectionProperties.class);
                    connection.securityProperties().forEach((key, value) -> {
                        if (key.equals("security.protocol")) {
                            kafka.getSecurity().setProtocol(value.toString());
                        } else {
                            kafka.getProperties().put(key, value.toString());
                        }
                    });
                }
                return bean;
            }
        };
    }
}
