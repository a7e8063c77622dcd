package io.gureum.platform;

import java.security.SecureRandom;
import java.util.Base64;

/** Random identifiers and secrets: URL-safe, unguessable, with a readable type prefix ({@code prj_}, {@code key_}). */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Ids() {}

    public static String newId(String prefix) {
        return prefix + "_" + random(12);
    }

    /** {@code bytes} random bytes, base64url: 32 bytes give a 256-bit secret. */
    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return ENCODER.encodeToString(b);
    }
}
