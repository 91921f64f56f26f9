package org.certhub.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ConsumerStartingEvent;
import org.springframework.stereotype.Component;

/**
 * Runs the hub's Kafka consumer threads (indexing, correlation, playbooks, feed, notifications) at
 * a lower scheduling priority than the threads answering HTTP requests. Nobody waits on a
 * pipeline batch, while a CERT's submission waits for its 202: on a small machine the two compete
 * for the same cores, and without this a batch of the indexer or of correlation delays every
 * submission that arrives meanwhile (measured: p50 of a submission 24 ms at 100 bundles/s, most of
 * it waiting for a core). Background work still gets all the CPU nobody else wants.
 * <p>
 * Linux only (a thread's nice value, which an unprivileged process may raise); elsewhere, or when
 * {@code certhub.pipeline.background-niceness} is 0, it does nothing.
 */
@Component
class BackgroundPriority {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final int PRIO_PROCESS = 0;

    private final int niceness;
    private final AtomicBoolean warned = new AtomicBoolean();

    BackgroundPriority(PipelineProperties properties) {
        this.niceness = properties.backgroundNiceness();
    }

    /** Published on the consumer thread itself, before its first poll. */
    @EventListener
    void consumerStarting(ConsumerStartingEvent event) {
        if (niceness > 0) {
            lowerCurrentThread(niceness);
        }
    }

    /** Adds {@code nice} to the calling thread's nice value (up to 19, the lowest priority). */
    private void lowerCurrentThread(int nice) {
        try {
            // On Linux a thread is a task with its own id, which setpriority(PRIO_PROCESS, tid)
            // addresses alone; /proc/thread-self names it without a system call number per CPU.
            Path task = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            int tid = Integer.parseInt(task.getFileName().toString());
            int lowered = Math.min(19, currentNice() + nice);
            if (CLibrary.INSTANCE.setpriority(PRIO_PROCESS, tid, lowered) != 0) {
                warnOnce("setpriority refused (errno " + Native.getLastError() + ")");
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            warnOnce(e.toString());
        }
    }

    /** The calling thread's nice value: field 19 of stat(5), counted after the parenthesised name. */
    private static int currentNice() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    private void warnOnce(String reason) {
        if (warned.compareAndSet(false, true)) {
            log.info("Pipeline threads keep the normal priority ({}): submissions may wait behind background batches", reason);
        }
    }

    /** The C library's {@code setpriority(2)}. */
    private interface CLibrary extends Library {
        CLibrary INSTANCE = Native.load("c", CLibrary.class);

        int setpriority(int which, int who, int prio);
    }
}
