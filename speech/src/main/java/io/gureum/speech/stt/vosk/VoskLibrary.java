package io.gureum.speech.stt.vosk;

import io.gureum.core.Problem;
import org.vosk.LibVosk;
import org.vosk.LogLevel;

/** Vosk's native library (through JNA), loaded once per JVM, with Kaldi's chatter turned down to warnings. */
final class VoskLibrary {
    private VoskLibrary() {}

    /** Loads the library on first use. */
    static void load() {
        if (Loaded.FAILURE != null) {
            throw new Problem(503, "engine_unavailable", "Speech engine unavailable",
                    "The vosk engine cannot run on this machine: Vosk's native library did not load (" + Loaded.FAILURE
                            + "). The vosk jar ships it for Linux x86-64, macOS and Windows x86-64.");
        }
    }

    /** Holder idiom: loads on first use; a failure is kept and reported by {@link #load()}, not thrown at class init. */
    private static final class Loaded {
        static final String FAILURE;

        static {
            String failure = null;
            try {
                LibVosk.setLogLevel(LogLevel.WARNINGS); // the first call into LibVosk loads libvosk
            } catch (LinkageError | RuntimeException e) {
                failure = e.toString();
            }
            FAILURE = failure;
        }
    }
}
