package org.certhub.correlation.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.certhub.correlation.CorrelationProperties;
import org.certhub.pipeline.StageProducer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/** The correlation stages' producer: their batches of sends and their dead-letter topic. */
@Component
class CorrelationProducer implements DisposableBean {

    private final StageProducer producer;
    private final CorrelationProperties properties;

    CorrelationProducer(KafkaProperties kafkaProperties, CorrelationProperties properties) {
        this.producer = new StageProducer(kafkaProperties, "certhub-correlation", 2);
        this.properties = properties;
    }

    StageProducer.Batch batch() {
        return producer.batch();
    }

    void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        producer.deadLetter(properties.topics().deadLetter(), record, reason);
    }

    @Override
    public void destroy() {
        producer.close();
    }
}
