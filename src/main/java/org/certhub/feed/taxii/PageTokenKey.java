package org.certhub.feed.taxii;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.certhub.feed.FeedProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key paging tokens are signed with: configured ({@code certhub.feed.token-secret}, the same on
 * every hub instance), or generated once and kept in the data directory (mode 0600) so tokens
 * outlive a restart of a single hub. Where that file cannot be kept (a read-only deployment without
 * a configured key), a key of this process only: the hub serves, its tokens end with it.
 */
@Component
class PageTokenKey {

    private static final Logger log = LoggerFactory.getLogger(PageTokenKey.class);

    private final byte[] key;

    PageTokenKey(FeedProperties properties) {
        this.key = properties.configuredTokenSecret().map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> keptIn(properties.tokenSecretFile()));
    }

    private static byte[] keptIn(Path file) {
        try {
            return readOrCreate(file);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot keep the TAXII paging-token key in {} ({}); TAXII next tokens will not survive a restart."
                    + " Set certhub.feed.token-secret.", file, e.toString());
            return fresh();
        }
    }

    private static byte[] fresh() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return fresh;
    }

    byte[] bytes() {
        return key.clone();
    }

    private static byte[] readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] fresh = fresh();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".feed-token", ".tmp");
            restrict(temporary);
            Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.TRUNCATE_EXISTING);
            try {
                // Another instance on the same data dir may have won the race: keep its key.
                Files.move(temporary, file);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                Files.deleteIfExists(temporary);
            }
        }
        return Base64.getDecoder().decode(Files.readString(file).strip());
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's own protection applies.
        }
    }
}
