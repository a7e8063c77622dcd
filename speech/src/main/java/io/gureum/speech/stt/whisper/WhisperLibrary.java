package io.gureum.speech.stt.whisper;

import io.github.givimad.whisperjni.WhisperJNI;
import io.gureum.core.Problem;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * whisper.cpp through whisper-jni: the native library, loaded once per JVM, and the process-wide facts of that
 * binding that every {@link WhisperModel} must respect. The state here is static because it mirrors native state
 * that exists once per process.
 */
final class WhisperLibrary {
    private static final System.Logger LOG = System.getLogger(WhisperLibrary.class.getName());
    private static final Pattern DETECTED_LANGUAGE = Pattern.compile("auto-detected language: ([a-z]{2,3})\\b");

    /**
     * whisper-jni keeps every context and state in process-wide native maps, changed without a lock when one is
     * created or freed; a decode reading those maps while another thread changes them is a data race in native code
     * (a crash, not an exception). So creating and freeing take the write lock and decoding takes the read lock:
     * decodes run in parallel, and only opening or closing a model waits for them. Fair, so an open is not starved.
     */
    static final ReentrantReadWriteLock NATIVE_MAPS = new ReentrantReadWriteLock(true);

    /**
     * The binding has no call for the language whisper.cpp detected; whisper.cpp logs it ("auto-detected language:
     * en (p = 0.97)") from the decoding thread, and the binding forwards its log to Java on that same thread. So the
     * log handler keeps the last detected language per thread, and a decode reads it back after whisper.cpp returns.
     */
    private static final ThreadLocal<String> DETECTED = new ThreadLocal<>();

    private WhisperLibrary() {}

    /** The binding, with its native library loaded. */
    static WhisperJNI jni() {
        if (Loaded.FAILURE != null) {
            throw new Problem(503, "engine_unavailable", "Speech engine unavailable",
                    "The whisper engine cannot run on this machine: whisper.cpp's native library did not load (" + Loaded.FAILURE
                            + "). whisper-jni ships it for Linux (x86-64, arm64), macOS and Windows.");
        }
        return Loaded.JNI;
    }

    /** Forgets this thread's detected language; call before a decode. */
    static void clearDetectedLanguage() {
        DETECTED.remove();
    }

    /** The whisper code of the language whisper.cpp detected in this thread's last decode, or null. */
    static String detectedLanguage() {
        return DETECTED.get();
    }

    /** Receives every line whisper.cpp logs, on the thread that logs it. */
    static void onNativeLog(String line) {
        Matcher detected = DETECTED_LANGUAGE.matcher(line);
        if (detected.find()) DETECTED.set(detected.group(1));
        LOG.log(System.Logger.Level.DEBUG, line.strip());
    }

    /** Loads on first use (holder idiom); a failure is kept and reported by {@link #jni()}, not thrown at class init. */
    private static final class Loaded {
        static final WhisperJNI JNI;
        static final String FAILURE;

        static {
            WhisperJNI jni = null;
            String failure = null;
            try {
                WhisperJNI.loadLibrary(message -> LOG.log(System.Logger.Level.DEBUG, message));
                // routes whisper.cpp's log (else printed on stderr) to Java logging and to onNativeLog
                WhisperJNI.setLibraryLogger(WhisperLibrary::onNativeLog);
                jni = new WhisperJNI();
            } catch (IOException | LinkageError | RuntimeException e) {
                failure = e.toString();
            }
            JNI = jni;
            FAILURE = failure;
        }
    }
}
