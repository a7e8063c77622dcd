package io.gureum.platform.keys;

import io.gureum.platform.Ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Secrets are {@code gur_} + 256 random bits. Stored as SHA-256: with that much entropy a slow
 * password hash buys nothing, and a fast one keeps authentication off the request's critical path.
 */
final class KeySecrets {
    static final String PREFIX = "gur_";

    private KeySecrets() {}

    static String newSecret() {
        return PREFIX + Ids.random(32);
    }

    static String hash(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(secret.length(), PREFIX.length() + 6));
    }
}
