package org.certhub.playbook.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.certhub.pipeline.StageProducer;
import org.certhub.playbook.PlaybookProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/** The engine's producer: its batches of sends and its dead-letter topic. */
@Component
class PlaybookProducer implements DisposableBean {

    private final StageProducer producer;
    private final PlaybookProperties properties;

    PlaybookProducer(KafkaProperties kafkaProperties, PlaybookProperties properties) {
        this.producer = new StageProducer(kafkaProperties, "certhub-playbook", 1);
        this.properties = properties;
    }

    StageProducer.Batch batch() {
        return producer.batch();
    }

    /** Sends one record and waits for it. */
    void sendNow(String topic, String key, byte[] value) {
        producer.sendNow(topic, key, value);
    }

    void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        producer.deadLetter(properties.topics().deadLetter(), record, reason);
    }

    @Override
    public void destroy() {
        producer.close();
    }
}
