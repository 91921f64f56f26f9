package org.certhub.intake;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.certhub.kafka.ConsumerLag;
import org.certhub.kafka.RateLimitedLog;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Whether the intake takes new submissions: it refuses them (503, or 507 for the disk) while the
 * pipeline's backlog is past its bound or the data directory is nearly full, and takes them again
 * by itself once the backlog has drained below half the bound and the disk has room. Measured once
 * a second in the background, so a submission only reads the last verdict and never waits for it.
 * Reads are never refused: only what would grow the backlog or the disk is.
 */
@Component
public class IntakeAdmission implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IntakeAdmission.class);

    private final IntakeProperties.Admission settings;
    private final ConsumerLag lag;
    private final ObjectsPerBundle objectsPerBundle;
    private final ScheduledExecutorService monitor;
    private final RateLimitedLog measureFailures = new RateLimitedLog(log, 60_000);
    private volatile Verdict verdict = Verdict.ACCEPTING;
    private volatile Map<String, Long> lastLag = Map.of();
    private volatile long freeBytes = -1;
    private final MeterRegistry meters;
    private final Set<String> measuredGroups = ConcurrentHashMap.newKeySet();

    IntakeAdmission(IntakeProperties properties, Admin kafkaAdminClient, ObjectsPerBundle objectsPerBundle,
            MeterRegistry meters) {
        this.settings = properties.admission();
        this.meters = meters;
        Gauge.builder("certhub.intake.backlog", this, admission -> admission.backlogObjects(admission.lastLag))
                .description("Objects accepted and not yet indexed (estimated)").baseUnit("objects").register(meters);
        this.lag = new ConsumerLag(kafkaAdminClient, settings.interval().multipliedBy(3));
        this.objectsPerBundle = objectsPerBundle;
        this.monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "intake-admission");
            thread.setDaemon(true);
            return thread;
        });
        long period = settings.interval().toMillis();
        monitor.scheduleWithFixedDelay(this::measure, period, period, TimeUnit.MILLISECONDS);
    }

    /** Throws the answer a submission gets while the intake refuses new work. */
    void check() {
        Verdict now = verdict;
        if (now == Verdict.ACCEPTING) {
            return;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(settings.retryAfter().toSeconds()));
        if (now == Verdict.DISK_FULL) {
            ProblemDetail problem = Problems.of(HttpStatus.INSUFFICIENT_STORAGE, "disk-full", "Insufficient storage",
                    "The hub's data disk is nearly full; nothing was accepted. Retry later.");
            problem.setProperty("retryable", true);
            throw new ProblemException(problem, headers);
        }
        throw new ProblemException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "backlog-full", "Hub is catching up",
                "The hub has accepted more than it has indexed yet; nothing was accepted. Retry later."), headers);
    }

    /** What the last measurement found, for health and metrics. */
    public Snapshot snapshot() {
        return new Snapshot(verdict.name().toLowerCase(java.util.Locale.ROOT), lastLag,
                backlogObjects(lastLag), freeBytes < 0 ? Optional.empty() : Optional.of(freeBytes));
    }

    /**
     * @param state {@code accepting}, {@code backlog_full} or {@code disk_full}
     * @param lagByGroup records not yet processed, per consumer group of the hub
     * @param backlogObjects objects accepted and not yet indexed (estimated from the indexer's lag)
     * @param freeBytes free space on the data directory's file system, when known
     */
    public record Snapshot(String state, Map<String, Long> lagByGroup, long backlogObjects, Optional<Long> freeBytes) {
    }

    private void measure() {
        try {
            Map<String, Long> measured = lag.measure(group -> group.startsWith(settings.groupPrefix()));
            lastLag = measured;
            measured.keySet().stream().filter(measuredGroups::add).forEach(this::registerLagGauge);
        } catch (Exception e) {
            // Kafka unreachable: submissions fail on their own with 503; keep the last verdict.
            measureFailures.warn("Could not measure the pipeline's backlog: {}", e.toString());
        }
        freeBytes = free(settings.dataPath());
        Verdict next = decide(settings, verdict, backlogObjects(lastLag), freeBytes);
        if (next != verdict) {
            if (next == Verdict.ACCEPTING) {
                log.info("Intake accepts submissions again (backlog {} objects, {} bytes free)", backlogObjects(lastLag), freeBytes);
            } else {
                log.error("Intake refuses submissions ({}): backlog {} objects (bound {}), {} bytes free on {} (minimum {})",
                        next, backlogObjects(lastLag), settings.maxBacklogObjects(), freeBytes, settings.dataPath(),
                        settings.minFreeDisk().toBytes());
            }
            verdict = next;
        }
    }

    /** {@code certhub.pipeline.lag{stage=<consumer group>}}: records the stage has not processed yet. */
    private void registerLagGauge(String group) {
        Gauge.builder("certhub.pipeline.lag", this, admission -> admission.lastLag.getOrDefault(group, 0L))
                .tag("stage", group).description("Records not yet processed by a stage").baseUnit("records").register(meters);
    }

    private long backlogObjects(Map<String, Long> byGroup) {
        return Math.round(byGroup.getOrDefault(settings.backlogGroup(), 0L) * objectsPerBundle.average());
    }

    /** With hysteresis: a bound crossed refuses; accepting again needs half the bound (and room on disk). */
    static Verdict decide(IntakeProperties.Admission settings, Verdict current, long backlog, long free) {
        long minFree = settings.minFreeDisk().toBytes();
        if (free >= 0 && free < minFree) {
            return Verdict.DISK_FULL;
        }
        if (current == Verdict.DISK_FULL && free >= 0 && free < minFree + minFree / 2) {
            return Verdict.DISK_FULL;
        }
        if (backlog > settings.maxBacklogObjects()) {
            return Verdict.BACKLOG_FULL;
        }
        if (current == Verdict.BACKLOG_FULL && backlog > settings.maxBacklogObjects() / 2) {
            return Verdict.BACKLOG_FULL;
        }
        return Verdict.ACCEPTING;
    }

    private static long free(Path path) {
        try {
            FileStore store = Files.getFileStore(Files.exists(path) ? path : Path.of("."));
            return store.getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void destroy() {
        monitor.shutdownNow();
    }

    enum Verdict {
        ACCEPTING, BACKLOG_FULL, DISK_FULL
    }
}
