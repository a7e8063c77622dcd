package io.gureum.speech.audio;

/**
 * Turns uploaded audio bytes into mono {@link Audio}. The bytes say what they are (the Content-Type is a fallback):
 * WAV is read in Java at its own rate; FLAC, MP3, Ogg, M4A, AAC and WebM go through {@link Ffmpeg} and come back at
 * {@link Audio#SPEECH_RATE} (ffmpeg resamples while it decodes, which saves a pass and keeps hours of audio in one
 * array). Thread-safe.
 */
public final class AudioDecoder {
    private final Ffmpeg ffmpeg;
    private final AudioLimits limits;

    /** With the configured ffmpeg ({@link Ffmpeg#locate()}) and the default limits. */
    public AudioDecoder() {
        this(Ffmpeg.locate(), AudioLimits.DEFAULTS);
    }

    public AudioDecoder(Ffmpeg ffmpeg, AudioLimits limits) {
        this.ffmpeg = ffmpeg;
        this.limits = limits;
    }

    /**
     * Decodes the audio, channels averaged into one.
     *
     * @param contentType the declared media type, or null / {@code application/octet-stream}: used only when the
     *                    bytes are not recognised, to let ffmpeg probe formats without a clear signature
     * @throws io.gureum.core.Problem 400 {@code empty_body}; 400 {@code invalid_audio} (truncated, corrupt, no
     *                                samples); 415 {@code unsupported_audio_format} (not audio, or a compressed format
     *                                while ffmpeg is not installed); 413 {@code payload_too_large} or
     *                                {@code audio_too_long} past the limits
     */
    public Audio decode(byte[] bytes, String contentType) {
        if (bytes == null || bytes.length == 0) throw AudioProblems.emptyBody();
        limits.checkBytes(bytes.length);
        AudioFormat format = AudioFormat.sniff(bytes).orElseGet(() -> unrecognised(bytes, contentType));
        if (format == AudioFormat.WAV) return decodeWav(bytes);
        if (!ffmpeg.available()) throw AudioProblems.needsFfmpeg(format.displayName() + " audio");
        return ffmpeg.decode(bytes, Audio.SPEECH_RATE, limits);
    }

    private Audio decodeWav(byte[] bytes) {
        WavFile wav = WavFile.parse(bytes);
        if (!wav.decodable()) {
            // ADPCM, GSM and MP3 inside WAV are rare enough to leave to ffmpeg
            if (!ffmpeg.available()) throw AudioProblems.needsFfmpeg("WAV with " + wav.encodingName() + " samples");
            return ffmpeg.decode(bytes, Audio.SPEECH_RATE, limits);
        }
        limits.checkSeconds(wav.seconds()); // before the samples take memory
        if (wav.frames() == 0) throw AudioProblems.noSamples();
        return new Audio(wav.decodeMono(bytes), wav.sampleRate());
    }

    /**
     * Bytes without a known signature: refused with a name when they are something else we know (an image, AIFF);
     * handed to ffmpeg when the client declared a compressed format (ffmpeg probes deeper than signatures: an MP3
     * after junk bytes, say); refused otherwise.
     */
    private AudioFormat unrecognised(byte[] bytes, String contentType) {
        AudioFormat.recogniseUnsupported(bytes).ifPresent(what -> {
            throw AudioProblems.unsupportedFormat(what);
        });
        return AudioFormat.fromMediaType(contentType)
                .filter(declared -> declared.needsFfmpeg() && ffmpeg.available())
                .orElseThrow(() -> AudioProblems.unsupportedFormat(null));
    }
}
