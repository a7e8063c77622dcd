package io.gureum.speech.stt.whisper;

import io.gureum.core.Problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The languages whisper.cpp knows, by the codes it uses, and their BCP 47 tags. Whisper's codes are ISO 639-1
 * where one exists, so they are BCP 47 primary language tags, except Javanese ({@code jw} for {@code jv}).
 */
final class WhisperLanguages {
    /** whisper.cpp's language table, in its order; {@code yue} only in models with the large-v3 vocabulary. */
    private static final List<String> CODES = List.of(
            "en", "zh", "de", "es", "ru", "ko", "fr", "ja", "pt", "tr", "pl", "ca", "nl", "ar", "sv", "it", "id", "hi",
            "fi", "vi", "he", "uk", "el", "ms", "cs", "ro", "da", "hu", "ta", "no", "th", "ur", "hr", "bg", "lt", "la",
            "mi", "ml", "cy", "sk", "te", "fa", "lv", "bn", "sr", "az", "sl", "kn", "et", "mk", "br", "eu", "is", "hy",
            "ne", "mn", "bs", "kk", "sq", "sw", "gl", "mr", "pa", "si", "km", "sn", "yo", "so", "af", "oc", "ka", "be",
            "tg", "sd", "gu", "am", "yi", "lo", "uz", "fo", "ht", "ps", "tk", "nn", "mt", "sa", "lb", "my", "bo", "tl",
            "mg", "as", "tt", "haw", "ln", "ha", "ba", "jw", "su", "yue");
    private static final Map<String, String> WHISPER_TO_BCP47 = Map.of("jw", "jv");
    /** Tags a caller may use for a whisper language under another name: Javanese, and Norwegian Bokmål. */
    private static final Map<String, String> BCP47_TO_WHISPER = Map.of("jv", "jw", "nb", "no");

    private WhisperLanguages() {}

    /** The BCP 47 tags a model transcribes: English alone for an English-only model. */
    static Set<String> of(GgmlModelFile.Hyperparameters model) {
        if (!model.multilingual()) return Set.of("en");
        return CODES.stream().filter(code -> model.largeV3Vocabulary() || !code.equals("yue"))
                .map(WhisperLanguages::toBcp47).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The whisper code for a caller's tag ({@code en-US} and {@code en} both give {@code en}).
     *
     * @throws Problem 422 when the model does not transcribe that language
     */
    static String toWhisper(String tag, GgmlModelFile.Hyperparameters model) {
        String primary = tag.split("[-_]")[0].toLowerCase(Locale.ROOT);
        String code = BCP47_TO_WHISPER.getOrDefault(primary, primary);
        if (!of(model).contains(toBcp47(code))) {
            throw Problem.invalid("The whisper engine's model " + (model.multilingual() ? "" : "(English only) ")
                    + "does not transcribe language '" + tag + "'");
        }
        return code;
    }

    static String toBcp47(String whisperCode) {
        return WHISPER_TO_BCP47.getOrDefault(whisperCode, whisperCode);
    }
}
