package io.gureum.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WrkResultTest {
    private static final String CLEAN = """
            Running 20s test @ http://127.0.0.1:41234/v1/language/detect
              2 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    21.37ms    9.80ms 142.61ms   71.22%
                Req/Sec     1.51k   132.40     1.88k    69.50%
              Latency Distribution
                 50%   19.84ms
                 75%   26.10ms
                 90%   33.52ms
                 99%   54.27ms
              60212 requests in 20.02s, 21.37MB read
            Requests/sec:   3007.59
            Transfer/sec:      1.07MB
            """;

    @Test
    void parsesThroughputPercentilesAndCount() {
        WrkResult r = WrkResult.parse(CLEAN);
        assertThat(r.requestsPerSecond()).isEqualTo(3007.59);
        assertThat(r.p50Micros()).isCloseTo(19_840, within(0.01));
        assertThat(r.p99Micros()).isCloseTo(54_270, within(0.01));
        assertThat(r.requests()).isEqualTo(60212);
        assertThat(r.non2xx()).isZero();
        assertThat(r.socketErrors()).isZero();
        assertThat(r.clean()).isTrue();
    }

    @Test
    void countsNon2xxAndSocketErrors() {
        String output = """
                Running 5s test @ http://127.0.0.1:8080/detect
                  2 threads and 64 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency   812.00us  100.00us   2.00ms   90.00%
                    Req/Sec    40.00k     2.00k   45.00k    80.00%
                  Latency Distribution
                     50%  790.00us
                     75%  850.00us
                     90%  900.00us
                     99%    1.20s
                  400000 requests in 5.00s, 60.00MB read
                  Socket errors: connect 1, read 2, write 3, timeout 4
                  Non-2xx or 3xx responses: 17
                Requests/sec:  80000.00
                Transfer/sec:     12.00MB
                """;
        WrkResult r = WrkResult.parse(output);
        assertThat(r.p50Micros()).isCloseTo(790, within(0.001));
        assertThat(r.p99Micros()).isCloseTo(1_200_000, within(0.001));
        assertThat(r.non2xx()).isEqualTo(17);
        assertThat(r.socketErrors()).isEqualTo(10);
        assertThat(r.clean()).isFalse();
    }

    @Test
    void readsEveryTimeUnitWrkPrints() {
        assertThat(WrkResult.micros("812.00us")).isEqualTo(812);
        assertThat(WrkResult.micros("4.21ms")).isCloseTo(4210, within(1e-9));
        assertThat(WrkResult.micros("1.02s")).isCloseTo(1_020_000, within(1e-6));
        assertThat(WrkResult.micros("1.50m")).isCloseTo(90_000_000, within(1e-3));
        assertThat(WrkResult.micros("2.00h")).isCloseTo(7_200_000_000.0, within(1e-3));
        assertThatThrownBy(() -> WrkResult.micros("12 ms")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentileLinesAreNotConfusedWithTheStdevColumn() {
        // "+/- Stdev" percentages of the thread stats come before the distribution and must not be read as 50%/99%
        WrkResult r = WrkResult.parse(CLEAN.replace("71.22%", "50.00%").replace("69.50%", "99.00%"));
        assertThat(r.p50Micros()).isCloseTo(19_840, within(0.01));
        assertThat(r.p99Micros()).isCloseTo(54_270, within(0.01));
    }

    @Test
    void refusesOutputWithoutTheLatencyDistribution() {
        String withoutLatencyFlag = CLEAN.substring(0, CLEAN.indexOf("  Latency Distribution"))
                + CLEAN.substring(CLEAN.indexOf("  60212 requests"));
        assertThatThrownBy(() -> WrkResult.parse(withoutLatencyFlag))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--latency");
        assertThatThrownBy(() -> WrkResult.parse("unable to connect to 127.0.0.1:1 Connection refused"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Requests/sec");
    }
}
