package org.certhub.playbook.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.certhub.playbook.PlaybookProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deterministic id of the run of one playbook version for one subject, keyed with the hub's
 * secret: HMAC-SHA256 over (playbook id, version, subject kind, subject id). Deterministic, so that a
 * correlation that grows starts no second run; keyed, because a run id (and every notification id
 * derived from it) reaches people who may not see the subject: a plain hash of a correlation's id,
 * itself the SHA-256 of {@code type:value}, would give the value away to anyone who tries the few
 * addresses, networks or CVEs it could be.
 */
public final class RunIds {

    private static final Logger log = LoggerFactory.getLogger(RunIds.class);
    private static final int MIN_SECRET_LENGTH = 16;

    private final byte[] key;

    public RunIds(byte[] key) {
        if (key.length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the run id secret must have at least " + MIN_SECRET_LENGTH + " bytes");
        }
        this.key = key.clone();
    }

    /** The run id of this version for this subject. */
    public String of(String playbookId, int version, SubjectKind kind, String subjectId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(String.join("\u0000", playbookId, String.valueOf(version), kind.jsonName(), subjectId)
                    .getBytes(StandardCharsets.UTF_8));
            return "run-" + HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The configured secret, or the default run's: generated once into the data dir (0600), shared by instances on that dir. */
    static RunIds from(PlaybookProperties properties) {
        String configured = properties.idSecret();
        if (configured != null && !configured.isBlank()) {
            return new RunIds(configured.getBytes(StandardCharsets.UTF_8));
        }
        if (properties.idSecretFile() == null) {
            throw new IllegalStateException("Set certhub.playbook.id-secret (the same on every hub instance)");
        }
        Path file = properties.idSecretFile().toAbsolutePath().normalize();
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path temporary = Files.createTempFile(file.getParent(), ".playbook-id-secret", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(temporary, HexFormat.of().formatHex(random));
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                    log.warn("Generated the playbook run id secret in {}; set certhub.playbook.id-secret in production "
                            + "(every hub instance must share it)", file);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temporary);
                }
            }
            return new RunIds(Files.readString(file).strip().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("certhub.playbook.id-secret is not set and no secret can be kept in " + file, e);
        }
    }
}
