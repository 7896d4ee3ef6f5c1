package cloud.scaling.support;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a page email as a person's mail client does: its text and HTML alternatives, and the links in it. */
public final class PageEmails {

    private static final Pattern LINK =
            Pattern.compile("^(Acknowledge|Resolve|The incident): (\\S+)$", Pattern.MULTILINE);

    private PageEmails() {}

    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    /** The part of {@code type} of the {@code multipart/alternative} message; fails when the message is not one. */
    public static String part(MimeMessage message, String type) {
        try {
            if (!message.getContentType().startsWith("multipart/alternative")) {
                throw new AssertionError("not multipart/alternative: " + message.getContentType());
            }
            MimeMultipart parts = (MimeMultipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType(type)) {
                    // As a reader sees it: lines end in CRLF on the wire.
                    return part.getContent().toString().replace("\r\n", "\n");
                }
            }
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no " + type + " part");
    }

    /** The link the text part gives for {@code name} ("Acknowledge", "Resolve", "The incident"). */
    public static String link(MimeMessage message, String name) {
        Matcher matcher = LINK.matcher(text(message));
        List<String> names = new ArrayList<>();
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
            names.add(matcher.group(1));
        }
        throw new AssertionError("no " + name + " link, only " + names);
    }
}
