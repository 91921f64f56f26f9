package org.certhub.pipeline;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.certhub.kafka.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

/**
 * What an operator needs to see of a stage retrying through an outage: the first failure with its
 * cause, then a reminder at most every half minute while it lasts, and the first batch handled
 * after it. The batch callback matters most: every stage is a batch listener, and a single-record
 * callback alone is never called for them.
 */
final class StageRetryLog implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(StageRetryLog.class);

    private final String stage;
    private final RateLimitedLog reminders = new RateLimitedLog(log, 30_000);
    private volatile int failing;

    StageRetryLog(String stage) {
        this.stage = stage;
    }

    @Override
    public void failedDelivery(ConsumerRecords<?, ?> records, Exception cause, int attempt) {
        failed(records.count(), cause, attempt);
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception cause, int attempt) {
        failed(1, cause, attempt);
    }

    private void failed(int records, Exception cause, int attempt) {
        if (failing == 0) {
            log.warn("Stage {} failed on a batch of {} records, retrying with back-off until it succeeds: {}",
                    stage, records, rootCause(cause));
        } else {
            reminders.warn("Stage {} still failing (attempt {}): {}", stage, attempt, rootCause(cause));
        }
        failing = attempt;
    }

    /** A batch the stage handled: after failures, the stage is back. */
    void succeeded() {
        if (failing > 0) {
            log.info("Stage {} recovered after {} failed attempts", stage, failing);
            failing = 0;
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure.getClass().getSimpleName() + " caused by " + root;
    }
}
