package org.certhub.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops an Elasticsearch server that an earlier run left behind from the same data directory (a hub
 * killed on a system without parent-death signals, for example), so the new one can take the node lock.
 */
final class LeftoverProcess {

    private static final Logger log = LoggerFactory.getLogger(LeftoverProcess.class);

    private LeftoverProcess() {
    }

    static void stopIfRunning(Path pidFile, Path distRoot) {
        readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(handle -> isElasticsearchOn(handle.pid(), distRoot))
                .ifPresent(handle -> {
                    log.warn("Stopping Elasticsearch pid {} left running by an earlier start from {}", handle.pid(), distRoot);
                    handle.destroy();
                    try {
                        handle.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        handle.destroyForcibly();
                    }
                });
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isElasticsearchOn(long pid, Path distRoot) {
        try {
            String commandLine = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
            return commandLine.contains("org.elasticsearch") && commandLine.contains(distRoot.toString());
        } catch (IOException e) {
            return false;
        }
    }
}
