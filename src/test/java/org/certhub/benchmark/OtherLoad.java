package org.certhub.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU used by processes that are not this benchmark's (nor its ancestors' or descendants'), from
 * {@code /proc/<pid>/stat}: on a shared 2-core machine a parallel build halves every figure, and the
 * report should say so. Processes that start and end between two snapshots are not seen.
 */
final class OtherLoad {

    private static final double TICKS_PER_SECOND = 100;

    private final Map<Long, Long> ticks;
    private final long startedNanos;

    private OtherLoad(Map<Long, Long> ticks, long startedNanos) {
        this.ticks = ticks;
        this.startedNanos = startedNanos;
    }

    static OtherLoad start() {
        return new OtherLoad(snapshot(), System.nanoTime());
    }

    /** Cores the other processes used on average since {@link #start()}. */
    double cores() {
        Map<Long, Long> now = snapshot();
        long used = 0;
        for (Map.Entry<Long, Long> process : now.entrySet()) {
            used += process.getValue() - ticks.getOrDefault(process.getKey(), 0L);
        }
        double seconds = Math.max(System.nanoTime() - startedNanos, 1) / 1e9;
        return used / TICKS_PER_SECOND / seconds;
    }

    /** "" when the machine was quiet, else a warning for the report. */
    String warning() {
        double cores = cores();
        return cores < 0.15 ? "" : String.format(Locale.ROOT,
                " [WARNING: other processes used %.1f of the cores meanwhile; figures not comparable]", cores);
    }

    /** CPU time this JVM has used so far, in seconds. */
    static double ownCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static Map<Long, Long> snapshot() {
        Set<Long> ours = new HashSet<>();
        ProcessHandle self = ProcessHandle.current();
        ours.add(self.pid());
        self.descendants().forEach(p -> ours.add(p.pid()));
        for (ProcessHandle p = self.parent().orElse(null); p != null; p = p.parent().orElse(null)) {
            ours.add(p.pid());
        }
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                long pid = Long.parseLong(p.getFileName().toString());
                if (!ours.contains(pid)) {
                    cpuTicks(p).ifPresent(t -> ticks.put(pid, t));
                }
            });
        } catch (IOException e) {
            // no /proc: nothing to tell
        }
        return ticks;
    }

    private static java.util.Optional<Long> cpuTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // Fields after the command name (which may hold blanks), from field 3 on: utime is 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return java.util.Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
