package io.hotline.infra.messaging;

import io.hotline.command.notify.MessageGateway;
import io.hotline.kernel.citizen.NotificationChannel;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;

/**
 * Email over SMTP through Spring's {@link JavaMailSender} (configured by {@code spring.mail.*}): plain text in
 * UTF-8 from the hotline's address. SMTP reports no delivery, so an accepted email stays SENT.
 */
class MailGateway implements MessageGateway {

    static final String NAME = "smtp";

    private final JavaMailSender mail;
    private final String from;

    MailGateway(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Delivery send(OutgoingMessage message) {
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.address());
            helper.setSubject(message.subject());
            helper.setText(message.text(), false);
            mime.setHeader("X-Hotline-Notification", message.notificationId());
            mail.send(mime);
            return Delivery.accepted(null);
        } catch (MailParseException | MailPreparationException e) {
            return Delivery.refused("smtp: the message or address is malformed", true);
        } catch (MailAuthenticationException e) {
            return Delivery.refused("smtp: authentication refused", false);
        } catch (MailException e) {
            return Delivery.refused("smtp unreachable (" + e.getClass().getSimpleName() + ")", false);
        } catch (jakarta.mail.MessagingException e) {
            return Delivery.refused("smtp: the message or address is malformed", true);
        }
    }
}
