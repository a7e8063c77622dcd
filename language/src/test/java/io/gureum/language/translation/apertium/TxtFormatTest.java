package io.gureum.language.translation.apertium;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Java deformatter and reformatter against apertium's own programs, on texts that use every rule. */
class TxtFormatTest {
    static final List<String> TEXTS = List.of(
            "Hello world.",
            "The cat is on the table. The dog is not.",
            "  leading and trailing blanks  ",
            "Tabs\tand\r\nWindows lines\r\n\r\nand a paragraph.",
            "One\n\nTwo\n\n\nThree\n\n\n\nFour",
            "Special: [brackets] {braces} ^caret$ a/b @at <angle> back\\slash.",
            "[@/etc/passwd] looks like a large-block file but is text",
            "Ends with a dot.[] and .[][ ]",
            "Ünïcödé — “quotes”, emoji 😀, 한국어, 中文, ﬁ.",
            "NUL\0inside",
            "\n\nStarts with a paragraph break",
            "Mixed\n\r\n\r\n\n\nbreaks",
            "a",
            " ",
            "");

    @Test
    void deformatsAsApertiumDestxtDoes() throws Exception {
        assumeTrue(Programs.onPath("apertium-destxt").isPresent(), "apertium is not installed (apt-get install apertium)");
        for (String text : TEXTS) {
            assertThat(TxtFormat.deformat(text)).as("deformat %s", show(text)).isEqualTo(run("apertium-destxt", text));
        }
    }

    @Test
    void reformatsAsApertiumRetxtDoes() throws Exception {
        assumeTrue(Programs.onPath("apertium-retxt").isPresent(), "apertium is not installed (apt-get install apertium)");
        for (String text : TEXTS) {
            String stream = TxtFormat.deformat(text);
            assertThat(TxtFormat.reformat(stream)).as("reformat %s", show(stream)).isEqualTo(run("apertium-retxt", stream));
        }
        for (String stream : List.of("Hola[ ]mundo.[][\n]", "a\\[b\\]c \\^d\\$ \\\\ \\@ [\\@x] .[] \\.", "Unfinished [ and \\")) {
            assertThat(TxtFormat.reformat(stream)).as("reformat %s", show(stream)).isEqualTo(run("apertium-retxt", stream));
        }
    }

    @Test
    void roundTripGivesTheTextBackWithoutNul() {
        for (String text : TEXTS) {
            assertThat(TxtFormat.reformat(TxtFormat.deformat(text))).isEqualTo(text.replace("\0", ""));
        }
    }

    private static String run(String program, String input) throws IOException, TimeoutException, InterruptedException {
        byte[] out = Programs.run(List.of(program), input.getBytes(StandardCharsets.UTF_8), Map.of("LC_CTYPE", "C.UTF-8"),
                System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String show(String s) {
        return "\"" + s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\0", "\\0") + "\"";
    }
}
