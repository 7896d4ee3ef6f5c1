package cloud.scaling.contract.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.DueWork;
import cloud.scaling.support.MailServer;
import cloud.scaling.support.PageEmails;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The page email's loop as a responder lives it, in a real headless Chromium driven by Selenium: the server pages
 * through a real SMTP server (GreenMail), the Acknowledge link is taken from the email as received and opened in the
 * browser (which changes nothing), the button is pressed, the incident is acknowledged by the person paged, and the
 * second level is never paged. Chromium and chromedriver (Debian's {@code chromium}, {@code chromium-driver}) are
 * required: without them the test fails, saying what to install.
 */
class ResponderBrowserTest {

    @Test
    void pressingAcknowledgeOnTheEmailsLinkAcknowledgesAndStopsEscalation() throws Exception {
        GreenMail mail = MailServer.started();
        int port = freePort();
        String publicUrl = "http://127.0.0.1:" + port;
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.DAYS);
        try (TestServer server = MailServer.pagingThrough(
                mail, Map.of("scaling.public-url", publicUrl, "micronaut.server.port", port))) {
            DueWork due = new DueWork(server);
            server.clock().pin(t0);
            Provisioned admin = server.newOrganization();
            ApiClient api = server.api(admin.apiKey());
            Provisioned first = server.newMember(admin.orgId(), "first@example.test");
            Provisioned second = server.newMember(admin.orgId(), "second@example.test");
            String policy = api.post("/v1/escalation/policies", "{\"name\":\"Checkout on-call\"}")
                    .assertStatus(201)
                    .data()
                    .get("id")
                    .asText();
            int position = 1;
            for (Provisioned user : List.of(first, second)) {
                api.post(
                                "/v1/escalation/policies/" + policy + "/layers",
                                "{\"position\":" + position++ + ",\"ackTimeoutMinutes\":5,"
                                        + "\"target\":{\"type\":\"users\",\"userIds\":[\"" + user.userId() + "\"]}}")
                        .assertStatus(201);
            }
            String id = api.post(
                            "/v1/incidents",
                            "{\"title\":\"Checkout down\",\"severity\":\"critical\","
                                    + "\"description\":\"Payments fail with 502.\",\"escalationPolicyId\":\"" + policy
                                    + "\"}")
                    .assertStatus(201)
                    .data()
                    .get("id")
                    .asText();
            due.runAt(t0);
            MimeMessage page =
                    Arrays.stream(mail.getReceivedMessages()).findFirst().orElseThrow();
            assertEquals("first@example.test", page.getAllRecipients()[0].toString());
            String acknowledge = PageEmails.link(page, "Acknowledge");
            assertTrue(acknowledge.startsWith(publicUrl + "/respond/"), acknowledge);
            assertTrue(PageEmails.html(page).contains("href=\"" + acknowledge + "\""), "the HTML part links the same");

            WebDriver browser = chromium();
            try {
                browser.get(acknowledge);
                assertEquals("Checkout down · Scaling", browser.getTitle());
                assertTrue(browser.findElement(By.tagName("body")).getText().contains("Acknowledge this incident?"));
                assertFalse(acknowledged(api, id), "opening the link changed nothing");
                screenshot(browser, "responder-page-confirm.png");

                browser.findElement(By.id("acknowledge")).click();
                // The click returns once the form's POST is sent; the answer's page may still be loading.
                browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(30));
                List<WebElement> outcome = browser.findElements(By.id("outcome"));
                assertEquals(1, outcome.size(), () -> browser.getCurrentUrl() + "\n" + browser.getPageSource());
                assertEquals(
                        "Acknowledged. Escalation has stopped: nobody else will be paged for it.",
                        outcome.get(0).getText());
                browser.manage().timeouts().implicitlyWait(Duration.ZERO);
                assertTrue(browser.findElements(By.tagName("form")).isEmpty(), "nothing left to press");
                screenshot(browser, "responder-page-acknowledged.png");
            } finally {
                browser.quit();
            }
            JsonNode incident = api.get("/v1/incidents/" + id).assertStatus(200).data();
            assertEquals(first.userId(), incident.get("acknowledgedBy").asText(), "acknowledged as the person paged");
            assertEquals("acknowledged", incident.get("escalation").get("state").asText());

            due.runAt(t0.plusSeconds(3600));
            assertEquals(
                    1,
                    api.get("/v1/incidents/" + id)
                            .assertStatus(200)
                            .data()
                            .get("pages")
                            .size());
            assertEquals(1, mail.getReceivedMessages().length, "no level-2 page followed");
        } finally {
            mail.stop();
        }
    }

    private static boolean acknowledged(ApiClient api, String id) {
        JsonNode at = api.get("/v1/incidents/" + id).assertStatus(200).data().get("acknowledgedAt");
        return at != null && !at.isNull();
    }

    /** Debian's chromium and chromedriver, headless, calling nowhere but the page (no driver download). */
    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(onPath(System.getProperty("scaling.chromium", "chromium"), "chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=412,915");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        new File(onPath(System.getProperty("scaling.chromedriver", "chromedriver"), "chromium-driver")))
                .build();
        return new ChromeDriver(service, options);
    }

    /** Screenshots for docs/, when asked for with -Dscaling.screenshots=<directory>. */
    private static void screenshot(WebDriver browser, String name) throws IOException {
        String directory = System.getProperty("scaling.screenshots");
        if (directory != null) {
            Files.write(Path.of(directory, name), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        }
    }

    private static String onPath(String binary, String debianPackage) {
        if (binary.contains(File.separator)) {
            return binary;
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, binary))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Path::toString)
                .orElseThrow(() -> new AssertionError("The responder page is checked in a real browser, and '" + binary
                        + "' is not on the PATH. Install Debian's " + debianPackage + " (apt-get install -y chromium"
                        + " chromium-driver; .ci/run does)."));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
