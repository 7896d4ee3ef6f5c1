package cloud.scaling.webhooks;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver holding one secret, verifying as the Standard Webhooks specification and its libraries do, with an
 * HMAC computed here independently of the server's signer: the header lists space-separated {@code v1,}
 * signatures, and the request is accepted when any one of them is this secret's (compared in constant time).
 */
record Receiver(String secret) {

    /** A real HTTP receiver on a free port, started. */
    static WireMockServer started() {
        WireMockServer wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
        return wireMock;
    }

    boolean accepts(LoggedRequest request) {
        String signatures = request.getHeader("webhook-signature");
        if (signatures == null) {
            return false;
        }
        byte[] expected = expected(request);
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,")
                    && MessageDigest.isEqual(expected, signature.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private byte[] expected(LoggedRequest request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String signed = request.getHeader("webhook-id") + "." + request.getHeader("webhook-timestamp") + "."
                    + request.getBodyAsString();
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
