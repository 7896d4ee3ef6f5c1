package cloud.scaling.pager;

import cloud.scaling.web.PublicUrl;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * Sends pages by email over SMTP, configured by environment variables (see the README): SCALING_SMTP_HOST (no
 * host: email is not configured and every email page fails at once, saying so), SCALING_SMTP_PORT,
 * SCALING_SMTP_USERNAME / SCALING_SMTP_PASSWORD, SCALING_SMTP_FROM, SCALING_SMTP_EHLO and SCALING_SMTP_STARTTLS.
 * The sender and the name the server greets the mail server with default to the public address's host
 * (SCALING_PUBLIC_URL): {@code scaling@<host>}, {@code EHLO <host>}; a mail server may refuse {@code localhost}.
 */
@Singleton
public class Mailer {

    private static final String TIMEOUT_MILLIS = "10000";
    /**
     * Pages are sent over connections kept open between messages (a burst of pages costs one connection and
     * greeting per sending thread, not per page), each left idle at most this long.
     */
    private static final Duration MAX_IDLE = Duration.ofSeconds(20);

    private static final int MAX_IDLE_CONNECTIONS = 16;

    private final @Nullable Session session;
    private final String from;
    private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

    public Mailer(
            @Value("${scaling.smtp.host:}") String host,
            @Value("${scaling.smtp.port:25}") int port,
            @Value("${scaling.smtp.username:}") String username,
            @Value("${scaling.smtp.password:}") String password,
            @Value("${scaling.smtp.from:}") String from,
            @Value("${scaling.smtp.ehlo:}") String ehlo,
            @Value("${scaling.smtp.starttls:false}") boolean starttls,
            PublicUrl publicUrl) {
        Optional<String> publicHost = publicUrl.host();
        this.from = !from.isBlank() ? from : "scaling@" + publicHost.orElse("localhost");
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
        String greeting = !ehlo.isBlank() ? ehlo : publicHost.orElse("");
        if (!greeting.isBlank()) {
            properties.put("mail.smtp.localhost", greeting);
        }
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

    /** The sender address of pages. */
    String from() {
        return from;
    }

    /**
     * Sends one message as {@code multipart/alternative} (the text, then the HTML a mail client prefers); throws
     * when the mail server does not accept it. Its Message-ID is derived from {@code id} (not random per send), so
     * that every attempt to send one page is recognisably the same message; {@code threadId} names the
     * conversation it belongs to ({@code In-Reply-To} and {@code References} a root that stays the same for it).
     */
    public void send(String to, String subject, String text, String html, String id, String threadId)
            throws MessagingException {
        if (session == null) {
            throw new MessagingException("Email is not configured: set SCALING_SMTP_HOST.");
        }
        String messageId = "<" + id + "@" + domainOf(from) + ">";
        String root = "<" + threadId + "@" + domainOf(from) + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setHeader("In-Reply-To", root);
        message.setHeader("References", root);
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, StandardCharsets.UTF_8.name(), "plain");
        alternatives.addBodyPart(plain);
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, StandardCharsets.UTF_8.name(), "html");
        alternatives.addBodyPart(rich);
        message.setContent(alternatives);
        message.saveChanges();
        Connection reused = idle.pollFirst();
        if (reused != null && reused.fresh(System.nanoTime())) {
            try {
                reused.transport().sendMessage(message, message.getAllRecipients());
                keep(reused.transport());
                return;
            } catch (SendFailedException refused) {
                close(reused.transport());
                throw refused;
            } catch (MessagingException stale) {
                // The mail server closed it while idle (it answered nothing): once more, on a new connection.
                close(reused.transport());
            }
        } else if (reused != null) {
            close(reused.transport());
        }
        Transport transport = session.getTransport("smtp");
        try {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            close(transport);
            throw e;
        }
        keep(transport);
    }

    /** An open connection back to the idle ones, unless enough are idle already. */
    private void keep(Transport transport) {
        if (idle.size() >= MAX_IDLE_CONNECTIONS) {
            close(transport);
        } else {
            idle.offerFirst(new Connection(transport, System.nanoTime()));
        }
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException alreadyGone) {
            // Nothing to close any more.
        }
    }

    /** Closes the idle connections when the server stops. */
    @PreDestroy
    void closeIdle() {
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            close(connection.transport());
        }
    }

    /** A connection to the mail server, idle since {@code idleSince} (nanoTime). */
    private record Connection(Transport transport, long idleSince) {
        /** Used again only while mail servers keep such a connection open (most for minutes; a few for less). */
        boolean fresh(long now) {
            return now - idleSince < MAX_IDLE.toNanos();
        }
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).replace(">", "").trim();
        return domain.isEmpty() ? "localhost" : domain;
    }
}
