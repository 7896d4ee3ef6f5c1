package cloud.scaling.pager;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends pages by email over SMTP, configured by environment variables (see the README): SCALING_SMTP_HOST (no
 * host: email is not configured and every email page fails at once, saying so), SCALING_SMTP_PORT,
 * SCALING_SMTP_USERNAME / SCALING_SMTP_PASSWORD, SCALING_SMTP_FROM and SCALING_SMTP_STARTTLS.
 */
@Singleton
public class Mailer {

    private static final String TIMEOUT_MILLIS = "10000";

    private final @Nullable Session session;
    private final String from;

    public Mailer(
            @Value("${scaling.smtp.host:}") String host,
            @Value("${scaling.smtp.port:25}") int port,
            @Value("${scaling.smtp.username:}") String username,
            @Value("${scaling.smtp.password:}") String password,
            @Value("${scaling.smtp.from:scaling@localhost}") String from,
            @Value("${scaling.smtp.starttls:false}") boolean starttls) {
        this.from = from;
        if (host.isBlank()) {
            this.session = null;
            return;
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        properties.put("mail.smtp.starttls.required", String.valueOf(starttls));
        boolean authenticated = !username.isBlank();
        properties.put("mail.smtp.auth", String.valueOf(authenticated));
        this.session = Session.getInstance(
                properties,
                !authenticated
                        ? null
                        : new Authenticator() {
                            @Override
                            protected PasswordAuthentication getPasswordAuthentication() {
                                return new PasswordAuthentication(username, password);
                            }
                        });
    }

    public boolean configured() {
        return session != null;
    }

    /**
     * Sends one plain-text message; throws when the mail server does not accept it. Its Message-ID is derived from
     * {@code id} (not random per send), so that every attempt to send one page is recognisably the same message.
     */
    public void send(String to, String subject, String text, String id) throws MessagingException {
        if (session == null) {
            throw new MessagingException("Email is not configured: set SCALING_SMTP_HOST.");
        }
        String messageId = "<" + id + "@" + domainOf(from) + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(text, StandardCharsets.UTF_8.name());
        Transport.send(message);
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).replace(">", "").trim();
        return domain.isEmpty() ? "localhost" : domain;
    }
}
