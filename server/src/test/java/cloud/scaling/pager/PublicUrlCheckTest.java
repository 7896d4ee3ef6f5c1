package cloud.scaling.pager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.CapturedLogs;
import cloud.scaling.support.MailServer;
import cloud.scaling.support.TestServer;
import com.icegreen.greenmail.util.GreenMail;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pages sent without a public address cannot link back: the server says so once, at start-up, and only then. */
class PublicUrlCheckTest {

    @Test
    void startingWithEmailButWithoutAPublicAddressWarnsInOneLine() {
        GreenMail mail = MailServer.started();
        try {
            try (CapturedLogs logs = CapturedLogs.of(PublicUrlCheck.class)) {
                MailServer.pagingThrough(mail).close();
                assertEquals(1, logs.lines().size(), logs.lines().toString());
                assertTrue(logs.lines().get(0).startsWith("WARN "), logs.lines().toString());
                assertTrue(
                        logs.anyContains("SCALING_PUBLIC_URL is not set"),
                        logs.lines().toString());
            }
            try (CapturedLogs logs = CapturedLogs.of(PublicUrlCheck.class)) {
                MailServer.pagingThrough(mail, Map.of("scaling.public-url", "https://scaling.example.test"))
                        .close();
                TestServer.dedicated(Map.of("scaling.scheduler.enabled", false)).close();
                assertEquals(java.util.List.of(), logs.lines(), "with a public address, or without email: silent");
            }
        } finally {
            mail.stop();
        }
    }
}
