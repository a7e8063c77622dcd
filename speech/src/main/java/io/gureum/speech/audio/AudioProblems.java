package io.gureum.speech.audio;

import io.gureum.core.Problem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The stable error codes of audio input and output, as {@link Problem}s the server renders as problem+json. */
public final class AudioProblems {
    public static final String EMPTY_BODY = "empty_body";
    public static final String INVALID_AUDIO = "invalid_audio";
    public static final String UNSUPPORTED_AUDIO_FORMAT = "unsupported_audio_format";
    public static final String AUDIO_TOO_LONG = "audio_too_long";

    private AudioProblems() {}

    public static Problem emptyBody() {
        return new Problem(400, EMPTY_BODY, "Empty body",
                "The request has no audio: the body is empty. Send the audio bytes (" + AudioFormat.acceptedNames() + ").");
    }

    /** @param why sentences that say what is wrong with the bytes and what to do: "truncated WAV: ... Send ...". */
    public static Problem invalid(String why) {
        return new Problem(400, INVALID_AUDIO, "Invalid audio", "The audio cannot be decoded: " + why);
    }

    static Problem noSamples() {
        return invalid("it has no audio samples (0 seconds of sound). Send a recording that is not empty.");
    }

    /** @param recognised what the bytes look like ("a PNG image"), or null when unknown */
    static Problem unsupportedFormat(String recognised) {
        String what = recognised == null ? "The body is not audio in a supported format."
                : "The body looks like " + recognised + ", which is not supported.";
        return new Problem(415, UNSUPPORTED_AUDIO_FORMAT, "Unsupported audio format",
                what + " Accepted formats: " + AudioFormat.acceptedNames() + ".",
                Map.of("acceptedFormats", AudioFormat.acceptedMediaTypes()));
    }

    /** @param what the recognised format that only ffmpeg decodes, e.g. "FLAC audio" */
    static Problem needsFfmpeg(String what) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("installCommand", Ffmpeg.INSTALL_COMMAND);
        ext.put("acceptedFormats", AudioFormat.acceptedMediaTypes());
        return new Problem(415, UNSUPPORTED_AUDIO_FORMAT, "Unsupported audio format",
                "The body is " + what + ", which this server decodes with ffmpeg, and ffmpeg is not installed."
                        + " Send WAV, or have the operator install Debian's ffmpeg: " + Ffmpeg.INSTALL_COMMAND + ".", ext);
    }

    /** An output format that cannot be produced here; {@code needsInstall} when installing ffmpeg would fix it. */
    static Problem notEncodable(String format, String why, boolean needsInstall) {
        Map<String, Object> ext = new LinkedHashMap<>();
        if (needsInstall) ext.put("installCommand", Ffmpeg.INSTALL_COMMAND);
        ext.put("outputFormats", Ffmpeg.ENCODABLE_FORMATS);
        String fix = needsInstall ? " Ask for wav, or have the operator install Debian's ffmpeg: " + Ffmpeg.INSTALL_COMMAND + "."
                : " Ask for wav or one of " + String.join(", ", Ffmpeg.ENCODABLE_FORMATS) + ".";
        return new Problem(415, UNSUPPORTED_AUDIO_FORMAT, "Unsupported audio format",
                "Audio cannot be encoded as '" + format + "': " + why + "." + fix, ext);
    }

    static Problem tooLong(double seconds, AudioLimits limits) {
        return tooLong("lasts " + duration(seconds), seconds, limits);
    }

    /** When the decoder stopped at the limit and the full length is unknown. */
    static Problem longerThanLimit(AudioLimits limits) {
        return tooLong("lasts more than " + duration(limits.maxSeconds()), null, limits);
    }

    private static Problem tooLong(String lasts, Double seconds, AudioLimits limits) {
        Map<String, Object> ext = new LinkedHashMap<>();
        if (seconds != null) ext.put("seconds", seconds);
        ext.put("maxSeconds", limits.maxSeconds());
        return new Problem(413, AUDIO_TOO_LONG, "Audio too long",
                "The audio " + lasts + "; the limit is " + duration(limits.maxSeconds())
                        + ". Split it into shorter parts and send them one by one.", ext);
    }

    static Problem tooManyBytes(long bytes, AudioLimits limits) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("bytes", bytes);
        ext.put("maxBytes", limits.maxBytes());
        return new Problem(413, "payload_too_large", "Payload too large",
                "The audio is " + size(bytes) + "; the limit is " + size(limits.maxBytes())
                        + ". Send a compressed format (FLAC, Opus, MP3) or split the recording.", ext);
    }

    /** "7.1 s", "12:05" (m:ss) or "4:00:00" (h:mm:ss): readable at every scale. */
    static String duration(double seconds) {
        if (seconds < 60) return String.format(Locale.ROOT, "%.1f s", seconds);
        long s = Math.round(seconds);
        return s < 3600 ? String.format(Locale.ROOT, "%d:%02d (m:ss)", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d (h:mm:ss)", s / 3600, s / 60 % 60, s % 60);
    }

    private static String size(long bytes) {
        if (bytes >= 1_000_000) {
            return bytes % 1_000_000 == 0 ? bytes / 1_000_000 + " MB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return bytes >= 10_000 ? bytes / 1_000 + " kB" : bytes + " bytes";
    }
}
