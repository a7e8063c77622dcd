package io.gureum.platform.webhooks;

import io.gureum.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookPolicyTest {
    private final WebhookPolicy strict = new WebhookPolicy(false, Set.of());

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/hook", "http://127.8.9.10:8080/hook", "https://10.1.2.3/hook", "http://192.168.1.20/hook",
            "http://172.16.0.5/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]:9000/hook",
            "http://0.0.0.0/hook", "http://[::]/hook", "http://[fd00::1]/hook", "http://[fe80::1]/hook",
            "http://[::ffff:10.0.0.1]/hook", "http://100.64.0.1/hook", "http://localhost/hook", "http://224.0.0.1/hook"})
    void refusesInternalAddresses(String url) {
        assertThatThrownBy(() -> strict.validate(url))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    org.assertj.core.api.Assertions.assertThat(p.status()).isEqualTo(422);
                    org.assertj.core.api.Assertions.assertThat(p.code()).isEqualTo("validation_failed");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://8.8.8.8/x", "file:///etc/passwd", "not a url", "http:///nohost", "/relative/path",
            "http://user:pw@8.8.8.8/x", ""})
    void refusesMalformedOrNonHttpUrls(String url) {
        assertThatThrownBy(() -> strict.validate(url)).isInstanceOf(Problem.class);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> strict.validate(null)).isInstanceOf(Problem.class);
    }

    @Test
    void acceptsPublicAddressLiterals() {
        assertThatCode(() -> strict.validate("https://8.8.8.8/hook")).doesNotThrowAnyException();
        assertThatCode(() -> strict.validate("http://93.184.216.34:8080/a?b=c")).doesNotThrowAnyException();
        assertThatCode(() -> strict.validate("https://[2001:4860:4860::8888]/hook")).doesNotThrowAnyException();
    }

    @Test
    void acceptsPrivateAddressesWhenAllowed() {
        WebhookPolicy open = new WebhookPolicy(true, Set.of());
        for (String url : new String[] {"http://127.0.0.1:8080/hook", "http://10.0.0.1/hook", "http://192.168.0.1/hook",
                "http://169.254.1.1/hook", "http://[::1]/hook"}) {
            assertThatCode(() -> open.validate(url)).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> open.validate("ftp://127.0.0.1/x")).isInstanceOf(Problem.class);
    }

    @Test
    void allowListedHostsSkipTheAddressCheck() {
        WebhookPolicy listed = new WebhookPolicy(false, Set.of("127.0.0.1", "[::1]", "Hooks.Internal"));
        assertThatCode(() -> listed.validate("http://127.0.0.1:9000/hook")).doesNotThrowAnyException();
        assertThatCode(() -> listed.validate("http://[::1]:9000/hook")).doesNotThrowAnyException();
        assertThatCode(() -> listed.validate("http://hooks.internal/hook")).doesNotThrowAnyException();
        assertThatThrownBy(() -> listed.validate("http://10.0.0.1/hook")).isInstanceOf(Problem.class);
    }
}
