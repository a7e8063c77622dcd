package io.gureum.speech.tts;

import io.gureum.core.Problem;

import java.util.LinkedHashMap;
import java.util.Map;

/** The stable error codes of text-to-speech, as {@link Problem}s the server renders as problem+json. */
public final class TtsProblems {
    public static final String EMPTY_TEXT = "empty_text";
    public static final String TEXT_TOO_LONG = "text_too_long";
    public static final String UNKNOWN_VOICE = "unknown_voice";
    public static final String INVALID_SSML = "invalid_ssml";
    public static final String ENGINE_NOT_INSTALLED = "engine_not_installed";

    /** The Debian package that brings each engine's shared library (and its data) when it is missing. */
    private static final Map<String, String> ENGINE_PACKAGES = Map.of("espeak", "libespeak-ng1", "flite", "libflite1");

    private static final String HOW_TO_FIND_VOICES = "GET /v1/speech/voices lists the voices; a language tag such as"
            + " 'ko' or 'en-US' picks that language's default voice.";

    private TtsProblems() {}

    static Problem emptyText() {
        return new Problem(400, EMPTY_TEXT, "Empty text",
                "There is nothing to say: give 'text' (or 'ssml') with at least one word.");
    }

    static Problem textTooLong(int length, int limit) {
        return new Problem(413, TEXT_TOO_LONG, "Text too long",
                "The text is " + length + " characters; the limit is " + limit
                        + ". Split it into several requests.",
                Map.of("length", length, "limit", limit));
    }

    static Problem unknownVoice(String voice) {
        return new Problem(404, UNKNOWN_VOICE, "Unknown voice",
                "There is no voice '" + voice + "'. " + HOW_TO_FIND_VOICES, Map.of("voice", voice));
    }

    static boolean knownEngine(String engine) {
        return ENGINE_PACKAGES.containsKey(engine);
    }

    static Problem engineNotInstalled(String engine) {
        String command = "apt-get install " + ENGINE_PACKAGES.get(engine);
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("engine", engine);
        ext.put("installCommand", command);
        return new Problem(503, ENGINE_NOT_INSTALLED, "Engine not installed",
                "The text-to-speech engine '" + engine + "' is not installed on this server. Install it with: "
                        + command + " (then restart), or pick another voice: " + HOW_TO_FIND_VOICES, ext);
    }

    /** @param line 1-based, or -1 when unknown; {@code column} likewise */
    static Problem invalidSsml(int line, int column, String what) {
        Map<String, Object> ext = new LinkedHashMap<>();
        String where = "";
        if (line > 0) {
            ext.put("line", line);
            ext.put("column", column);
            where = " at line " + line + ", column " + column;
        }
        return new Problem(400, INVALID_SSML, "Invalid SSML", "The SSML is not valid" + where + ": " + what, ext);
    }

    static String howToFindVoices() {
        return HOW_TO_FIND_VOICES;
    }
}
