package org.certhub.notify.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.certhub.notify.NotifyProperties;
import org.certhub.tenancy.Contacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * An e-mail over SMTP ({@code spring.mail.*}) to the contact's addresses: plain text and HTML
 * (the content escaped), with the signed acknowledgement link. Without a mail host the hub runs on
 * and such notifications are dead-lettered with that reason.
 */
@Component
public class EmailChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final NotifyProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> mail, NotifyProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public Outcome send(Message message, Contacts.Contact contact) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("Notification {}: e-mail is not configured (spring.mail.host), not sent", message.notificationId());
            return Outcome.failedForGood("e-mail is not configured on this hub (spring.mail.host)");
        }
        if (contact.emails().isEmpty()) {
            return Outcome.failedForGood("no e-mail address configured for " + message.recipient());
        }
        try {
            sender.send(compose(sender.createMimeMessage(), message, contact));
            return Outcome.delivered("accepted by SMTP for " + contact.emails().size() + " address(es)");
        } catch (MailAuthenticationException | MailParseException | MailPreparationException e) {
            return Outcome.failedForGood(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (MailException e) {
            return Outcome.failedForNow(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (MessagingException e) {
            return Outcome.failedForGood("message not composed: " + e.getMessage());
        }
    }

    private MimeMessage compose(MimeMessage mime, Message message, Contacts.Contact contact) throws MessagingException {
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(properties.mailFrom());
        helper.setTo(contact.emails().toArray(String[]::new));
        helper.setSubject("[" + message.tlp().label() + "] " + message.subject());
        helper.setText(plain(message), html(message));
        mime.setHeader("X-Certhub-Notification-Id", message.notificationId());
        return mime;
    }

    private static String plain(Message message) {
        StringBuilder text = new StringBuilder(message.text()).append("\n\n").append(message.tlp().label()).append('\n');
        message.ackUrl().ifPresent(url -> text.append("\nAcknowledge: ").append(url).append('\n'));
        return text.append("\n-- certhub notification ").append(message.notificationId()).append('\n').toString();
    }

    private static String html(Message message) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>")
                .append("<p><strong>").append(HtmlUtils.htmlEscape(message.tlp().label())).append("</strong></p>")
                .append("<pre style=\"white-space:pre-wrap;font-family:sans-serif\">")
                .append(HtmlUtils.htmlEscape(message.text())).append("</pre>");
        message.ackUrl().ifPresent(url -> html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(url.toString()))
                .append("\">Acknowledge</a></p>"));
        return html.append("<p style=\"color:#666\">certhub notification ")
                .append(HtmlUtils.htmlEscape(message.notificationId())).append("</p></body></html>").toString();
    }
}
