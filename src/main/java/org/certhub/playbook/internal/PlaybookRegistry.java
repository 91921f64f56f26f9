package org.certhub.playbook.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every playbook version the hub has released, and the outcome of the last scan of the playbook
 * directory. A file {@code <id>/v<N>.yaml} is released the first time it is seen valid; from then on
 * its content is fixed: a changed file under a released version is refused (the released content
 * keeps running) until its change is moved to a new version file. New runs use the newest version
 * of each playbook.
 */
public final class PlaybookRegistry {

    private static final Logger log = LoggerFactory.getLogger(PlaybookRegistry.class);
    private static final Pattern FILE = Pattern.compile("v([1-9][0-9]{0,5})\\.ya?ml");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final VersionLedger ledger;
    private final Clock clock;
    private final long maxFileBytes;
    private final Map<String, TreeMap<Integer, ReleasedVersion>> released = new ConcurrentHashMap<>();
    private volatile Map<String, FileProblem> problems = Map.of();
    private final Map<String, String> reported = new HashMap<>();
    private volatile boolean loaded;

    public PlaybookRegistry(VersionLedger ledger, Clock clock, long maxFileBytes) {
        this.ledger = ledger;
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * A file the last scan did not load, and why.
     *
     * @param file path relative to the playbook directory
     * @param id the playbook id its path names
     * @param version the version its path names (0 when the name is not one)
     * @param kind {@code invalid} or {@code changed-in-place}
     * @param errors what is wrong, with positions
     */
    public record FileProblem(String file, String id, int version, String kind, List<PlaybookError> errors) {
    }

    /** Whether the ledger has been read and the directory scanned at least once. */
    public boolean loaded() {
        return loaded;
    }

    /** Reads the ledger of released versions (once, before the first scan). */
    public synchronized void restore() {
        for (VersionLedger.Entry entry : ledger.readAll()) {
            PlaybookValidator.Result result = PlaybookValidator.validate(entry.yaml());
            result.playbook().ifPresentOrElse(playbook -> put(new ReleasedVersion(playbook, entry.yaml(), entry.sha256(),
                    entry.file(), entry.firstSeen())), () -> log.warn("Released playbook {} v{} in the ledger no longer "
                    + "validates; it stays unavailable", entry.id(), entry.version()));
        }
    }

    /** Scans the directory: releases new valid versions, refuses in-place edits, reports invalid files. */
    public synchronized void scan(Path directory) {
        Map<String, FileProblem> found = new LinkedHashMap<>();
        for (Path file : files(directory)) {
            String relative = directory.relativize(file).toString().replace('\\', '/');
            String id = file.getParent().getFileName().toString();
            Matcher name = FILE.matcher(file.getFileName().toString());
            if (!ID.matcher(id).matches() || !name.matches()) {
                found.put(relative, problem(relative, id, 0, "invalid", "file-name",
                        "a playbook file must be <id>/v<N>.yaml with a lower-case id and N >= 1"));
                continue;
            }
            int version = Integer.parseInt(name.group(1));
            check(file, relative, id, version).ifPresent(problem -> found.put(relative, problem));
        }
        problems = Map.copyOf(found);
        reported.keySet().retainAll(found.keySet());
        loaded = true;
    }

    private Optional<FileProblem> check(Path file, String relative, String id, int version) {
        String text;
        try {
            if (Files.size(file) > maxFileBytes) {
                return Optional.of(report(problem(relative, id, version, "invalid", "file-size",
                        "larger than " + maxFileBytes + " bytes"), "size"));
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            return Optional.of(report(problem(relative, id, version, "invalid", "encoding", "not UTF-8 text"), "encoding"));
        } catch (IOException e) {
            log.warn("Cannot read playbook file {}: {}", relative, e.toString());
            return Optional.empty();
        }
        String sha256 = Hashes.sha256(text);
        Optional<ReleasedVersion> known = version(id, version);
        if (known.isPresent()) {
            if (known.get().sha256().equals(sha256)) {
                return Optional.empty();
            }
            return Optional.of(report(problem(relative, id, version, "changed-in-place", "released-version-changed",
                    "version " + version + " of playbook '" + id + "' was released with SHA-256 " + known.get().sha256()
                            + " and cannot change; the released content keeps running. Put the change in a new file "
                            + id + "/v" + (newest(id).map(ReleasedVersion::version).orElse(version) + 1) + ".yaml"), sha256));
        }
        PlaybookValidator.Result result = PlaybookValidator.validate(text);
        if (!result.valid()) {
            return Optional.of(report(new FileProblem(relative, id, version, "invalid", result.errors()), sha256));
        }
        Playbook playbook = result.playbook().orElseThrow();
        if (!playbook.id().equals(id) || playbook.version() != version) {
            return Optional.of(report(problem(relative, id, version, "invalid", "path-mismatch",
                    "the file says id '" + playbook.id() + "' version " + playbook.version() + " but lives at " + relative), sha256));
        }
        ReleasedVersion release = new ReleasedVersion(playbook, text, sha256, relative, clock.instant());
        ledger.record(new VersionLedger.Entry(id, version, sha256, relative, text, release.firstSeen()));
        put(release);
        log.info("Released playbook {} v{} (sha256 {}) from {}", id, version, sha256, relative);
        return Optional.empty();
    }

    /** Logs a problem once per file content, not on every scan. */
    private FileProblem report(FileProblem problem, String contentKey) {
        if (!contentKey.equals(reported.put(problem.file(), contentKey))) {
            log.error("Playbook file {} not loaded ({}): {}", problem.file(), problem.kind(), problem.errors());
        }
        return problem;
    }

    private static FileProblem problem(String file, String id, int version, String kind, String rule, String message) {
        return new FileProblem(file, id, version, kind, List.of(new PlaybookError("", rule, message, 0, 0)));
    }

    private void put(ReleasedVersion release) {
        released.computeIfAbsent(release.id(), id -> new TreeMap<>()).putIfAbsent(release.version(), release);
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> playbooks = Files.list(directory)) {
            for (Path dir : playbooks.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> versions = Files.list(dir)) {
                    versions.filter(Files::isRegularFile).filter(PlaybookRegistry::isYaml).sorted().forEach(files::add);
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list the playbook directory {}: {}", directory, e.toString());
        }
        return files;
    }

    /** Other files (notes, editors' temporary files) are none of the registry's business. */
    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    public Optional<ReleasedVersion> version(String id, int version) {
        return Optional.ofNullable(released.get(id)).map(versions -> versions.get(version));
    }

    public Optional<ReleasedVersion> newest(String id) {
        return Optional.ofNullable(released.get(id)).filter(versions -> !versions.isEmpty()).map(versions -> versions.lastEntry().getValue());
    }

    /** Every version of a playbook, oldest first. */
    public List<ReleasedVersion> versions(String id) {
        return Optional.ofNullable(released.get(id)).map(versions -> List.copyOf(versions.values())).orElse(List.of());
    }

    /** The newest version of every playbook, by id. */
    public List<ReleasedVersion> newestOfEach() {
        return released.keySet().stream().sorted().map(this::newest).flatMap(Optional::stream).toList();
    }

    /** What the last scan refused, by file. */
    public List<FileProblem> problems() {
        return problems.values().stream().sorted(Comparator.comparing(FileProblem::file)).toList();
    }
}
