package io.gureum.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WrkScriptTest {
    @Test
    void luaStringsEscapeQuotesBackslashesAndNonAsciiBytes() {
        assertThat(Wrk.luaString("{\"text\":\"a\\\\b\"}")).isEqualTo("\"{\\\"text\\\":\\\"a\\\\\\\\b\\\"}\"");
        assertThat(Wrk.luaString("ä\n")).isEqualTo("\"\\195\\164\\010\"");
    }
}
