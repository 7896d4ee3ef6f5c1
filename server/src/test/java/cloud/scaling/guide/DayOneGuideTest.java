package cloud.scaling.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.DueWork;
import cloud.scaling.support.MailServer;
import cloud.scaling.support.PageEmails;
import cloud.scaling.support.ShellDoc;
import cloud.scaling.support.TestServer;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * docs/day-one.md, executed: every shell block in order with bash, curl and jq against a real server that mails
 * through a real SMTP server (GreenMail), each answer checked against the one the guide states ({@link ShellDoc}).
 * Between blocks the server's due work runs at the present moment, as a running server runs it right away; the
 * escalation the guide promises after its 5-minute wait is checked by moving the application clock, never by waiting.
 */
class DayOneGuideTest {

    private static final String PUBLIC_URL = "https://scaling.example.test";
    private static final GreenMail mail = MailServer.started();
    private static final TestServer server = MailServer.pagingThrough(mail, Map.of("scaling.public-url", PUBLIC_URL));
    private static final DueWork due = new DueWork(server);

    @AfterAll
    static void stop() {
        server.close();
        mail.stop();
    }

    @Test
    void everyBlockAnswersWhatTheGuideSays() throws Exception {
        requireTool("jq");
        requireTool("curl");
        // The organization ./run creates on a first start: one admin and their key.
        Provisioned demo = server.newOrganization();
        String adminEmail = server.api(demo.apiKey())
                .get("/v1/team/members")
                .assertStatus(200)
                .data()
                .get("members")
                .get(0)
                .get("email")
                .asText();

        ShellDoc.inProject("docs/day-one.md")
                .runAndCheck(
                        Map.of("SCALING_URL", server.uri().toString(), "SCALING_API_KEY", demo.apiKey()),
                        (block, outcome) -> {
                            // The next block reads the real time (its jq `now`), and so must the server.
                            due.runAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
                            server.clock().release();
                        });

        // The teammate was paged by email twice: the incident created by hand, then the one the alert opened.
        List<MimeMessage> toTeammate = received("alex@example.com");
        assertEquals(
                List.of("[Scaling] critical: Checkout answers 502", "[Scaling] critical: Checkout error rate above 5%"),
                toTeammate.stream().map(DayOneGuideTest::subject).toList());
        String acknowledge = PageEmails.link(toTeammate.get(0), "Acknowledge");
        assertTrue(acknowledge.startsWith(PUBLIC_URL + "/respond/"), acknowledge);

        // "after 5 minutes without an acknowledgement, you": only the incident nobody acknowledged pages the admin.
        due.runAt(Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(301, ChronoUnit.SECONDS));
        server.clock().release();
        assertEquals(
                List.of("[Scaling] critical: Checkout error rate above 5%"),
                received(adminEmail).stream().map(DayOneGuideTest::subject).toList());
        assertEquals(2, received("alex@example.com").size(), "the acknowledged incident paged nobody else");
    }

    private static List<MimeMessage> received(String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(message -> recipients(message).contains(address))
                .toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString)
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CI installs both (.ci/run); without them the guide cannot run, which must fail, not pass silently. */
    private static void requireTool(String name) throws IOException, InterruptedException {
        Process which = new ProcessBuilder("sh", "-c", "command -v " + name).start();
        assertEquals(0, which.waitFor(), name + " is needed to run docs/day-one.md: apt-get install " + name);
    }
}
