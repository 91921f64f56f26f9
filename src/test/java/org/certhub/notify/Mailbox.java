package org.certhub.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A real local SMTP server (GreenMail on a free port) and what the tests read from the mail it
 * received: messages by recipient, their text parts, and the acknowledgement link in them.
 */
public final class Mailbox implements AutoCloseable {

    /** The hub's {@code certhub.notify.public-base-url} in the tests: links are fetched by their path. */
    public static final String PUBLIC_BASE_URL = "https://certhub.example";
    private static final Pattern ACK_LINK = Pattern.compile("Acknowledge: " + Pattern.quote(PUBLIC_BASE_URL) + "(\\S+)");

    private final GreenMail smtp;

    private Mailbox() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    public static Mailbox start() {
        return new Mailbox();
    }

    public int port() {
        return smtp.getSmtp().getPort();
    }

    /** Every message received for {@code address}, oldest first. */
    public List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                messages.add(message);
            }
        }
        return messages;
    }

    /** Every message received so far, oldest first. */
    public MimeMessage[] all() {
        return smtp.getReceivedMessages();
    }

    /** The first message received for {@code address}, if any. */
    public Optional<MimeMessage> first(String address) throws Exception {
        return to(address).stream().findFirst();
    }

    /** The text parts in order (plain, then HTML), however deep the multipart nesting is. */
    public static List<String> textParts(Part part) throws Exception {
        List<String> texts = new ArrayList<>();
        if (part.isMimeType("text/*")) {
            texts.add((String) part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                texts.addAll(textParts(multipart.getBodyPart(i)));
            }
        }
        return texts;
    }

    /** The path and query of the acknowledgement link in a plain-text part, to fetch from the hub under test. */
    public static Optional<String> ackPath(String plainText) {
        Matcher link = ACK_LINK.matcher(plainText);
        return link.find() ? Optional.of(link.group(1)) : Optional.empty();
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
