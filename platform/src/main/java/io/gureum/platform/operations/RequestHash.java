package io.gureum.platform.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over kind and input: what makes two submits with one idempotency key "the same request". */
final class RequestHash {
    private RequestHash() {}

    static String of(String kind, byte[] input) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(kind.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);   // separator: kind "ab" + input "c" differs from kind "a" + input "bc"
            sha.update(input);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
