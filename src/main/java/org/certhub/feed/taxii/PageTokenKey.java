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
import org.springframework.stereotype.Component;

/**
 * The key paging tokens are signed with: configured ({@code certhub.feed.token-secret}, the same on
 * every hub instance), or generated once and kept in the data directory (mode 0600) so tokens
 * outlive a restart of a single hub.
 */
@Component
class PageTokenKey {

    private final byte[] key;

    PageTokenKey(FeedProperties properties) {
        this.key = properties.configuredTokenSecret().map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> keptIn(properties.tokenSecretFile()));
    }

    byte[] bytes() {
        return key.clone();
    }

    private static byte[] keptIn(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
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
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the feed's paging-token key in " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's own protection applies.
        }
    }
}
