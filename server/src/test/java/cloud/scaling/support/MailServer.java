package cloud.scaling.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.HashMap;
import java.util.Map;

/** A real SMTP server (GreenMail) for pages, and a server of its own that mails through it. */
public final class MailServer {

    private MailServer() {}

    public static GreenMail started() {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        return greenMail;
    }

    /** A dedicated server paging through {@code mail}, its scheduler off: tests run due work with {@link DueWork}. */
    public static TestServer pagingThrough(GreenMail mail) {
        return pagingThrough(mail, Map.of());
    }

    /** {@link #pagingThrough(GreenMail)} with more configuration, e.g. {@code scaling.public-url}. */
    public static TestServer pagingThrough(GreenMail mail, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.put("scaling.scheduler.enabled", false);
        properties.put("scaling.smtp.host", "127.0.0.1");
        properties.put("scaling.smtp.port", mail.getSmtp().getPort());
        return TestServer.dedicated(properties);
    }
}
