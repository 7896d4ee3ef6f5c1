package cloud.scaling.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The signer reproduces the Standard Webhooks specification's published test vector, so any of its libraries verify us. */
class WebhookSignerTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void reproducesTheSpecificationsTestVector() {
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSigner.sign(SECRET, ID, TIMESTAMP, BODY));
    }

    @Test
    void anotherBodyTimestampOrIdSignsDifferently() {
        String signature = WebhookSigner.sign(SECRET, ID, TIMESTAMP, BODY);
        assertNotEquals(signature, WebhookSigner.sign(SECRET, ID, TIMESTAMP, "{\"test\": 2432232315}"));
        assertNotEquals(signature, WebhookSigner.sign(SECRET, ID, TIMESTAMP + 1, BODY));
        assertNotEquals(signature, WebhookSigner.sign(SECRET, "msg_other", TIMESTAMP, BODY));
    }
}
