package io.gureum.speech.tts;

import java.io.IOException;

/**
 * Where synthesised speech goes: 16-bit signed mono samples, as each sentence is done.
 * An {@link IOException} (the client went away) stops the synthesis and comes out of
 * {@link TextToSpeech#synthesize}.
 */
public interface PcmSink {
    /** Called once, before any {@link #write}: the rate of every sample that follows (e.g. to write a WAV header). */
    void start(int sampleRate) throws IOException;

    /** The next {@code count} samples, {@code samples[0..count)}; the array is not reused after the call returns. */
    void write(short[] samples, int count) throws IOException;
}
