package io.gureum.bench;

import io.gureum.vision.ocr.OcrEngine;
import io.gureum.vision.ocr.OcrPage;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GureumOcrEnginesTest {
    /** Stand-in engines: what the builder does with their constructors, nothing read. */
    public static final class TwoWays implements OcrEngine {
        final String how;

        public TwoWays() { how = "none"; }

        public TwoWays(StringBuilder store, Integer threads) { how = store + "/" + threads; }

        public TwoWays(StringBuilder store, Integer threads, Double unavailable) { how = "never"; }

        @Override public String name() { return "two"; }

        @Override public Set<String> languages() { return Set.of("en"); }

        @Override public String model() { return how; }

        @Override public OcrPage read(BufferedImage page, List<String> languages) { throw new UnsupportedOperationException(); }
    }

    public static final class Failing implements OcrEngine {
        public Failing() { throw new IllegalStateException("natives missing"); }

        @Override public String name() { return "failing"; }

        @Override public Set<String> languages() { return Set.of(); }

        @Override public String model() { return ""; }

        @Override public OcrPage read(BufferedImage page, List<String> languages) { throw new UnsupportedOperationException(); }
    }

    private static final ClassLoader LOADER = GureumOcrEnginesTest.class.getClassLoader();

    @Test
    void theConstructorTakingTheMostSuppliableArgumentsIsUsed() {
        GureumOcrEngines.Built built = GureumOcrEngines.build(TwoWays.class.getName(), LOADER, List.of(new StringBuilder("store"), 4));
        assertThat(built.failure()).isNull();
        assertThat(built.engine().model()).isEqualTo("store/4");
        assertThat(GureumOcrEngines.build(TwoWays.class.getName(), LOADER, List.of("unrelated")).engine().model()).isEqualTo("none");
    }

    @Test
    void aMissingClassOrAFailingConstructorIsReportedNotThrown() {
        assertThat(GureumOcrEngines.build("io.gureum.vision.ocr.NoSuchEngine", LOADER, List.of()).failure())
                .startsWith("not in this build");
        assertThat(GureumOcrEngines.build(String.class.getName(), LOADER, List.of()).failure()).contains("is not an OcrEngine");
        assertThat(GureumOcrEngines.build(Failing.class.getName(), LOADER, List.of()).failure())
                .isEqualTo("could not start: IllegalStateException: natives missing");
    }
}
