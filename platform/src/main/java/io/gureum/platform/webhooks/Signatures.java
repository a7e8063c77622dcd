package io.gureum.platform.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Webhook signatures: receivers recompute HMAC-SHA256 over the exact body bytes with their
 * project's webhook secret and compare with {@code X-Gureum-Signature: sha256=<hex>}.
 */
public final class Signatures {
    public static final String HEADER = "X-Gureum-Signature";
    public static final String PREFIX = "sha256=";

    private Signatures() {}

    public static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The header value: {@code sha256=<hex>}. */
    public static String headerValue(String secret, byte[] body) {
        return PREFIX + hmacSha256Hex(secret, body);
    }
}
