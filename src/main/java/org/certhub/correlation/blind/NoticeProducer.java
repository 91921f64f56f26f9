package org.certhub.correlation.blind;

import java.util.List;

import org.certhub.correlation.BlindMatchProperties;
import org.certhub.notify.NotificationRequested;
import org.certhub.pipeline.StageProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/** Sends the owners' notices to the notify module's request topic, keyed by notification id as notify expects. */
@Component
class NoticeProducer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NoticeProducer.class);

    private final StageProducer producer;
    private final BlindMatchProperties properties;

    NoticeProducer(KafkaProperties kafkaProperties, BlindMatchProperties properties) {
        this.producer = new StageProducer(kafkaProperties, "certhub-blind-matches", 0);
        this.properties = properties;
    }

    /**
     * Sends and waits. A notice Kafka does not take is logged and not retried: the reveal is
     * recorded all the same, and the owner's list ({@code GET /api/v1/blind-matches}) shows it.
     */
    void send(List<NotificationRequested> notices) {
        if (notices.isEmpty()) {
            return;
        }
        StageProducer.Batch batch = producer.batch();
        notices.forEach(notice -> batch.send(properties.notifyRequestsTopic(), notice.notificationId(), notice.toJson()));
        try {
            batch.await();
        } catch (StageProducer.StageSendException e) {
            log.warn("{} blind match notices not sent ({}); the owners' lists hold the matches", notices.size(),
                    e.getMessage());
        }
    }

    @Override
    public void destroy() {
        producer.close();
    }
}
