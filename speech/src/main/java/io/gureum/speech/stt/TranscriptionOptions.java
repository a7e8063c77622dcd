package io.gureum.speech.stt;

/**
 * @param engine   an engine name ({@code sphinx}, {@code whisper}, {@code vosk}) or null for the default
 * @param language a BCP 47 tag, or null for the engine's default (or its own detection)
 */
public record TranscriptionOptions(String engine, String language) {
    public static final TranscriptionOptions DEFAULTS = new TranscriptionOptions(null, null);
}
