package org.certhub.notify.channel;

import java.net.URI;
import java.util.Optional;

import org.certhub.stix.Tlp;

/**
 * What a channel sends: the text for people, and the notification as JSON for machines.
 *
 * @param notificationId the idempotency key of every delivery of it
 * @param recipient the principal id told
 * @param subject one line
 * @param text the message
 * @param tlp the TLP level of what it carries
 * @param ackUrl the signed acknowledgement link, when an acknowledgement is asked
 * @param json the notification as the webhook body and the Kafka value
 */
public record Message(String notificationId, String recipient, String subject, String text, Tlp tlp,
        Optional<URI> ackUrl, byte[] json) {
}
