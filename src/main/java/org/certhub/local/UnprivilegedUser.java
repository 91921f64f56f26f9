package org.certhub.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system user the embedded Elasticsearch runs as when the hub runs as root (Elasticsearch
 * refuses to run as root). A dedicated system account is created on first use; {@code nobody} is
 * the fallback where accounts cannot be created.
 */
record UnprivilegedUser(String name, int uid, int gid) {

    private static final Logger log = LoggerFactory.getLogger(UnprivilegedUser.class);

    /** The user to switch to, or empty when the hub does not run as root (then nothing changes). */
    static Optional<UnprivilegedUser> whenRunningAsRoot(String preferred) {
        if (!runningAsRoot()) {
            return Optional.empty();
        }
        Optional<UnprivilegedUser> user = lookUp(preferred);
        if (user.isEmpty()) {
            int exit = run(List.of("useradd", "--system", "--user-group", "--no-create-home",
                    "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", preferred));
            log.info("Created system user {} for the embedded Elasticsearch (useradd exit {})", preferred, exit);
            user = lookUp(preferred);
        }
        return Optional.of(user.or(() -> lookUp("nobody")).orElseThrow(() -> new LocalInfrastructureException(
                "Running as root, and neither the user " + preferred + " nor nobody exists to run Elasticsearch;"
                        + " create one or set certhub.local.elasticsearch.run-as-user")));
    }

    static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Hands the directory tree to this user, unless it already owns its root. */
    void own(Path dir) {
        try {
            Integer owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (owner == uid) {
                return;
            }
        } catch (IOException | UnsupportedOperationException e) {
            // fall through to chown, which reports its own failure
        }
        if (run(List.of("chown", "-R", uid + ":" + gid, dir.toString())) != 0) {
            throw new LocalInfrastructureException("Could not hand " + dir + " to user " + name);
        }
    }

    /** Fails clearly when the user cannot even traverse to {@code dir} (e.g. a clone under /root). */
    void requireReachable(Path dir) {
        for (Path parent = dir.toAbsolutePath().normalize().getParent(); parent != null; parent = parent.getParent()) {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(parent);
                Integer owner = (Integer) Files.getAttribute(parent, "unix:uid");
                boolean traversable = perms.contains(PosixFilePermission.OTHERS_EXECUTE)
                        || (owner == uid && perms.contains(PosixFilePermission.OWNER_EXECUTE));
                if (!traversable) {
                    throw new LocalInfrastructureException("The embedded Elasticsearch runs as user " + name
                            + ", who cannot enter " + parent + " to reach " + dir + ". Run the hub from a"
                            + " directory others can traverse, or set certhub.local.data-dir to one.");
                }
            } catch (IOException e) {
                throw new LocalInfrastructureException("Cannot inspect " + parent, e);
            }
        }
    }

    private static Optional<UnprivilegedUser> lookUp(String name) {
        try {
            Process process = new ProcessBuilder("getent", "passwd", name).redirectErrorStream(true).start();
            String line = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0 || line.isEmpty()) {
                return Optional.empty();
            }
            String[] fields = line.split(":");
            return Optional.of(new UnprivilegedUser(fields[0], Integer.parseInt(fields[2]), Integer.parseInt(fields[3])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
