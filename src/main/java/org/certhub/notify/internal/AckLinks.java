package org.certhub.notify.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.certhub.notify.NotifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signed acknowledgement links: {@code <public-base-url>/api/v1/notifications/{id}/ack?token=...},
 * the token an HMAC-SHA256 over the notification id and its recipient with the hub's secret, so a
 * link acknowledges that one notification for that one recipient and nothing else. Without a
 * secret (none configured and none can be kept in the data dir) the hub runs on without links:
 * e-mails go out without one, and acknowledgement is by API only.
 */
@Component
public class AckLinks {

    private static final Logger log = LoggerFactory.getLogger(AckLinks.class);
    private static final int MIN_SECRET_LENGTH = 16;

    private final Optional<byte[]> secret;
    private final String baseUrl;

    AckLinks(NotifyProperties properties) {
        this.secret = secret(properties);
        String base = properties.publicBaseUrl().toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The link that acknowledges {@code notificationId} for {@code recipient}; empty without a secret. */
    public Optional<URI> linkFor(String notificationId, String recipient) {
        return secret.map(key -> URI.create(baseUrl + "/api/v1/notifications/" + URLEncoder.encode(notificationId, StandardCharsets.UTF_8)
                + "/ack?token=" + token(key, notificationId, recipient)));
    }

    /** Whether {@code token} is the one of this notification and recipient (compared in constant time). */
    public boolean valid(String notificationId, String recipient, String token) {
        return token != null && secret.isPresent() && MessageDigest.isEqual(
                token(secret.get(), notificationId, recipient).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private static String token(byte[] key, String notificationId, String recipient) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            // The length prefix keeps ("a:b", "c") and ("a", "b:c") apart.
            byte[] id = notificationId.getBytes(StandardCharsets.UTF_8);
            mac.update((id.length + ":").getBytes(StandardCharsets.US_ASCII));
            mac.update(id);
            mac.update(recipient.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static Optional<byte[]> secret(NotifyProperties properties) {
        String configured = properties.ackLinkSecret();
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("certhub.notify.ack-link-secret must have at least " + MIN_SECRET_LENGTH
                        + " characters");
            }
            return Optional.of(configured.getBytes(StandardCharsets.UTF_8));
        }
        if (properties.ackLinkSecretFile() == null) {
            log.warn("certhub.notify.ack-link-secret is not set: notification e-mails carry no acknowledgement link");
            return Optional.empty();
        }
        return fromFile(properties.ackLinkSecretFile().toAbsolutePath().normalize());
    }

    /** The default run's secret: generated once into the data dir (0600), shared by instances on that dir. */
    private static Optional<byte[]> fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path temporary = Files.createTempFile(file.getParent(), ".ack-link-secret", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(temporary, HexFormat.of().formatHex(random));
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                log.warn("Generated the acknowledgement link secret in {}; set certhub.notify.ack-link-secret in production "
                        + "(every hub instance must share it)", file);
            }
            return Optional.of(Files.readString(file).strip().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.warn("certhub.notify.ack-link-secret is not set and no secret can be kept in {} ({}): notification "
                    + "e-mails carry no acknowledgement link", file, e.toString());
            return Optional.empty();
        }
    }
}
