package io.gureum.speech.stt.whisper;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperContextParams;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Lock;

/**
 * One whisper.cpp model in memory, shared by all threads. The weights (the context) are loaded once; a decode
 * needs its own scratch state (tens to hundreds of MB), so states are pooled: at most {@link #parallelDecodes}
 * exist, each decode borrows one, and a caller beyond that waits. Each decode uses {@link #threadsPerDecode}
 * threads, so together they use about the machine's cores.
 */
final class WhisperModel implements AutoCloseable {
    /** whisper.cpp's own default thread count per decode is min(4, cores); we keep it and run several decodes instead. */
    private static final int MAX_THREADS_PER_DECODE = 4;
    /** whisper.cpp's default; only used when a decode falls back to sampling at a higher temperature. */
    private static final int GREEDY_BEST_OF = 5;

    private final WhisperJNI jni;
    private final WhisperContext context;
    private final GgmlModelFile.Hyperparameters dimensions;
    private final int threadsPerDecode;
    private final int parallelDecodes;
    private final Semaphore decodeSlots;
    private final Queue<WhisperState> idleStates = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /** What whisper.cpp heard: segments with times in seconds, and the language it detected (whisper code) or null. */
    record Decoded(List<Segment> segments, String detectedLanguage) {}

    record Segment(double start, double end, String text) {}

    private WhisperModel(WhisperJNI jni, WhisperContext context, GgmlModelFile.Hyperparameters dimensions,
                         int threadsPerDecode, int parallelDecodes) {
        this.jni = jni;
        this.context = context;
        this.dimensions = dimensions;
        this.threadsPerDecode = threadsPerDecode;
        this.parallelDecodes = parallelDecodes;
        this.decodeSlots = new Semaphore(parallelDecodes, true);
    }

    /**
     * Loads a file that {@link GgmlModelFile#check} accepted, to decode with about all the machine's cores.
     *
     * @throws IOException when whisper.cpp refuses it (its log says why)
     */
    static WhisperModel open(Path file, GgmlModelFile.Hyperparameters dimensions) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        int threadsPerDecode = Math.min(MAX_THREADS_PER_DECODE, cores);
        return open(file, dimensions, threadsPerDecode, Math.max(1, cores / threadsPerDecode));
    }

    static WhisperModel open(Path file, GgmlModelFile.Hyperparameters dimensions, int threadsPerDecode, int parallelDecodes)
            throws IOException {
        WhisperJNI jni = WhisperLibrary.jni();
        WhisperContextParams params = new WhisperContextParams();
        params.useGPU = false; // the bundled build is CPU-only; say so rather than rely on the default
        WhisperContext context;
        Lock lock = WhisperLibrary.NATIVE_MAPS.writeLock();
        lock.lock();
        try {
            context = jni.initNoState(file, params);
        } finally {
            lock.unlock();
        }
        if (context == null) throw new IOException("whisper.cpp could not load it (the whisper.cpp log, at DEBUG level, says why)");
        return new WhisperModel(jni, context, dimensions, threadsPerDecode, parallelDecodes);
    }

    GgmlModelFile.Hyperparameters dimensions() {
        return dimensions;
    }

    /**
     * Transcribes 16 kHz mono samples (at least one second: whisper.cpp skips shorter input).
     *
     * @param language a whisper language code, or null to let whisper.cpp detect it
     */
    Decoded decode(float[] samples, String language) {
        decodeSlots.acquireUninterruptibly();
        WhisperState state = null;
        try {
            if (closed) throw new IllegalStateException("the whisper model is closed");
            state = idleStates.poll();
            if (state == null) state = newState();
            return decode(state, samples, language);
        } finally {
            if (state != null) idleStates.add(state);
            decodeSlots.release();
        }
    }

    private Decoded decode(WhisperState state, float[] samples, String language) {
        WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        params.nThreads = threadsPerDecode;
        params.language = language;
        params.greedyBestOf = GREEDY_BEST_OF;
        params.suppressNonSpeechTokens = true; // no "(music)" or "[APPLAUSE]" in the text
        params.noContext = true; // each stretch of speech stands alone
        params.printProgress = false;
        params.printTimestamps = false;
        params.printRealtime = false;
        params.printSpecial = false;
        Lock lock = WhisperLibrary.NATIVE_MAPS.readLock();
        lock.lock();
        try {
            WhisperLibrary.clearDetectedLanguage();
            int status = jni.fullWithState(context, state, params, samples, samples.length);
            if (status != 0) throw new IllegalStateException("whisper.cpp failed to transcribe (status " + status + ")");
            String detected = language == null ? WhisperLibrary.detectedLanguage() : null;
            int count = jni.fullNSegmentsFromState(state);
            List<Segment> segments = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                // whisper.cpp's times are in centiseconds
                segments.add(new Segment(jni.fullGetSegmentTimestamp0FromState(state, i) / 100.0,
                        jni.fullGetSegmentTimestamp1FromState(state, i) / 100.0, jni.fullGetSegmentTextFromState(state, i)));
            }
            return new Decoded(segments, detected);
        } finally {
            lock.unlock();
        }
    }

    private WhisperState newState() {
        Lock lock = WhisperLibrary.NATIVE_MAPS.writeLock();
        lock.lock();
        try {
            WhisperState state = jni.initState(context);
            if (state == null) throw new IllegalStateException("whisper.cpp could not allocate a decoding state (out of memory?)");
            return state;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for running decodes, then frees the states and the weights; later decodes fail at once. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        decodeSlots.acquireUninterruptibly(parallelDecodes);
        Lock lock = WhisperLibrary.NATIVE_MAPS.writeLock();
        lock.lock();
        try {
            for (WhisperState state = idleStates.poll(); state != null; state = idleStates.poll()) state.close();
            context.close();
        } finally {
            lock.unlock();
            decodeSlots.release(parallelDecodes); // callers waiting for a slot now see that it is closed
        }
    }
}
