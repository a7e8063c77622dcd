package io.gureum.platform.webhooks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTest {
    @Test
    void matchesTheKnownHmacSha256Vector() {
        byte[] body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        assertThat(Signatures.hmacSha256Hex("key", body))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        assertThat(Signatures.headerValue("key", body))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void dependsOnSecretAndEveryByte() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(Signatures.hmacSha256Hex("s1", body)).isNotEqualTo(Signatures.hmacSha256Hex("s2", body));
        assertThat(Signatures.hmacSha256Hex("s1", body))
                .isNotEqualTo(Signatures.hmacSha256Hex("s1", "{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
    }
}
