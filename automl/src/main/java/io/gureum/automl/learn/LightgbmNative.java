package io.gureum.automl.learn;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_float;
import com.microsoft.ml.lightgbm.lightgbmlib;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * LightGBM's native libraries, unpacked from lightgbm4j's jar into a folder of this process's own and loaded once.
 * lightgbm4j's own loader ({@code LGBMBooster}'s static initialiser) writes them to a fixed path in the temp folder
 * on every start, overwriting the file another running JVM has mapped and crashing it with SIGBUS; so this module
 * never touches {@code LGBMBooster} or {@code LGBMDataset} and calls LightGBM's C API through {@link lightgbmlib}.
 */
final class LightgbmNative {
    private static final String RESOURCES = "lightgbm4j/linux/x86_64/";
    /**
     * Held around LightGBM's dataset construction and prediction: run from two Java threads at once, dataset
     * construction crashed once (SIGSEGV in {@code SparseBin::Push}, on an OpenMP worker: LightGBM sizes per-thread
     * buffers from a process-wide thread count that another caller's settings can change under it). Boosting rounds,
     * where the time goes, run side by side.
     */
    static final Object LOCK = new Object();

    private LightgbmNative() {}

    /** Class initialisation runs once per JVM, under the JVM's lock: the one place the libraries are loaded. */
    private static final class Loaded {
        static final Path FOLDER = unpackAndLoad();
    }

    static void load() {
        if (Loaded.FOLDER == null) throw new IllegalStateException("LightGBM not loaded");
    }

    private static Path unpackAndLoad() {
        String os = System.getProperty("os.name", "").toLowerCase();
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new UnsupportedOperationException("LightGBM natives are bundled for Linux x86-64 only, not " + os + " " + arch);
        }
        try {
            Path folder = Files.createTempDirectory("gureum-lightgbm");
            folder.toFile().deleteOnExit(); // registered first, so deleted last, once the files are gone
            for (String name : new String[]{"lib_lightgbm.so", "lib_lightgbm_swig.so"}) {
                Path file = folder.resolve(name);
                try (InputStream in = LightgbmNative.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
                    if (in == null) throw new IOException("no " + RESOURCES + name + " on the class path (lightgbm4j's jar)");
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                System.load(file.toString());
                file.toFile().deleteOnExit();
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack LightGBM's native libraries", e);
        }
    }

    static void check(int status) {
        if (status != 0) throw new IllegalStateException("LightGBM failed: " + lightgbmlib.LGBM_GetLastError());
    }

    /** A native copy of {@code values}; free it with {@code lightgbmlib.delete_floatArray}. */
    static SWIGTYPE_p_float floats(float[] values) {
        SWIGTYPE_p_float out = lightgbmlib.new_floatArray(values.length);
        for (int i = 0; i < values.length; i++) lightgbmlib.floatArray_setitem(out, i, values[i]);
        return out;
    }
}
