package org.certhub.tenancy.admin;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.Role;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo principals' keys (or the demo users' passwords), in a file only its owner can read (0600),
 * written whole or not at all:
 * the content goes to a temporary file beside it (created 0600, so the keys are never readable by
 * others, not even briefly), which then replaces the file.
 */
final class DemoCredentialsFile {

    /** One entry of the keys file; these member names are its contract. */
    record Entry(String principal, PrincipalKind kind, Set<Role> roles, String apiKey) {
    }

    /** One entry of the users file; these member names are its contract. */
    record UserEntry(String username, String principal, Set<Role> roles, String password) {
    }

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path path;

    DemoCredentialsFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return Files.exists(path);
    }

    /**
     * Reserves the replacement file, before any key is changed: if the directory cannot be written,
     * nothing is rotated and the keys in use stay valid.
     */
    Replacement prepare() throws IOException {
        Files.createDirectories(path.getParent());
        Path temporary = path.resolveSibling("." + path.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temporary);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Another process is writing " + path, e);
        }
        return new Replacement(temporary);
    }

    /** The reserved temporary file; {@link #commit} fills it and moves it into place. */
    final class Replacement {

        private final Path temporary;

        private Replacement(Path temporary) {
            this.temporary = temporary;
        }

        void commit(List<?> entries) throws IOException {
            Files.write(temporary, JSON.writeValueAsBytes(entries));
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        void abandon() {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // Nothing secret is in it yet; a leftover empty file is harmless.
            }
        }
    }
}
