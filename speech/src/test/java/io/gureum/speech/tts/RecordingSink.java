package io.gureum.speech.tts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keeps what a synthesis writes, and when the first samples came. */
final class RecordingSink implements PcmSink {
    private final long createdNanos = System.nanoTime();
    private long firstWriteNanos = -1;
    private int sampleRate;
    private short[] samples = new short[1 << 16];
    private int count;
    private final List<short[]> writes = new ArrayList<>();

    @Override
    public void start(int sampleRate) {
        if (this.sampleRate != 0) throw new AssertionError("start called twice");
        this.sampleRate = sampleRate;
    }

    @Override
    public void write(short[] chunk, int n) {
        if (sampleRate == 0) throw new AssertionError("write before start");
        if (firstWriteNanos < 0) firstWriteNanos = System.nanoTime();
        if (count + n > samples.length) samples = Arrays.copyOf(samples, Math.max(2 * samples.length, count + n));
        System.arraycopy(chunk, 0, samples, count, n);
        count += n;
        writes.add(Arrays.copyOf(chunk, n));
    }

    int sampleRate() {
        return sampleRate;
    }

    short[] samples() {
        return Arrays.copyOf(samples, count);
    }

    int writes() {
        return writes.size();
    }

    /** Each write's samples, in order. */
    List<short[]> chunks() {
        return writes;
    }

    double seconds() {
        return count / (double) sampleRate;
    }

    double rms() {
        return Signals.rms(samples, 0, count);
    }

    double millisToFirstWrite() {
        return (firstWriteNanos - createdNanos) / 1e6;
    }
}
