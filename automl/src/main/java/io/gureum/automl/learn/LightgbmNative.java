package io.gureum.automl.learn;

import io.github.metarank.lightgbm4j.LGBMBooster;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Loads LightGBM's native library (unpacked from lightgbm4j's jar) before first use. */
final class LightgbmNative {
    private LightgbmNative() {}

    static void load() {
        try {
            if (!LGBMBooster.isNativeLoaded()) LGBMBooster.loadNative();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load LightGBM's native library", e);
        }
    }
}
