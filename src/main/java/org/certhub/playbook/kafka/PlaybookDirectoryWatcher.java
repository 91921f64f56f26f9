package org.certhub.playbook.kafka;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.certhub.playbook.PlaybookProperties;
import org.certhub.playbook.internal.PlaybookRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Loads the playbooks at start-up (the ledger of released versions first, then the directory) and
 * scans the directory again every {@code reload-interval}: new version files are released without
 * a restart, in-place edits and invalid files are reported.
 */
@Component
class PlaybookDirectoryWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlaybookDirectoryWatcher.class);

    private final PlaybookRegistry registry;
    private final PlaybookProperties properties;
    private ScheduledExecutorService scans;
    private volatile boolean restored;
    private volatile boolean running;

    PlaybookDirectoryWatcher(PlaybookRegistry registry, PlaybookProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        tick();
        scans = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "playbook-directory");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.reloadInterval().toMillis();
        scans.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            if (!restored) {
                registry.restore();
                restored = true;
            }
            registry.scan(properties.directory().toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            log.warn("Playbooks not (re)loaded this time: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (scans != null) {
            scans.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listeners start: a trigger must see the released playbooks. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 2000;
    }
}
