package io.gureum.vision.ocr.tesseract;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tesseract's language codes (the traineddata file names, mostly ISO 639-2/T: {@code eng}, {@code kor},
 * {@code chi_sim}) against the ISO 639-1 codes the OCR API speaks, and the Debian package that ships each
 * traineddata ({@code tesseract-ocr-<code with '_' as '-'>}, e.g. {@code tesseract-ocr-chi-sim}).
 *
 * <p>A small table of the common languages; a traineddata it does not list keeps its Tesseract code
 * ({@code languages()} then shows e.g. {@code grc}), and a request may name a Tesseract code directly.
 * Simplified Chinese is {@code zh}; Traditional Chinese, having no ISO 639-1 code of its own, is the BCP 47 tag
 * {@code zh-Hant}.
 */
public final class TesseractLanguages {
    private TesseractLanguages() {}

    /** Traineddata that are not languages: orientation and script detection, the equation model. */
    static final java.util.Set<String> NOT_LANGUAGES = java.util.Set.of("osd", "equ");

    private static final Map<String, String> TESSERACT_TO_ISO = new LinkedHashMap<>();
    private static final Map<String, String> ISO_TO_TESSERACT = new LinkedHashMap<>();

    static {
        String[][] table = {
                {"eng", "en"}, {"kor", "ko"}, {"chi_sim", "zh"}, {"chi_tra", "zh-Hant"}, {"jpn", "ja"},
                {"deu", "de"}, {"fra", "fr"}, {"spa", "es"}, {"ita", "it"}, {"por", "pt"}, {"nld", "nl"},
                {"rus", "ru"}, {"ukr", "uk"}, {"pol", "pl"}, {"ces", "cs"}, {"swe", "sv"}, {"dan", "da"},
                {"nor", "no"}, {"fin", "fi"}, {"tur", "tr"}, {"ell", "el"}, {"ara", "ar"}, {"heb", "he"},
                {"hin", "hi"}, {"ben", "bn"}, {"tha", "th"}, {"vie", "vi"}, {"ind", "id"}, {"msa", "ms"},
                {"hun", "hu"}, {"ron", "ro"}, {"bul", "bg"}, {"hrv", "hr"}, {"cat", "ca"}, {"fas", "fa"},
                {"mon", "mn"},
        };
        for (String[] row : table) {
            TESSERACT_TO_ISO.put(row[0], row[1]);
            ISO_TO_TESSERACT.put(row[1].toLowerCase(Locale.ROOT), row[0]);
        }
    }

    /** The API's code for a traineddata: ISO 639-1 where the table knows it, else the Tesseract code itself. */
    public static String isoCode(String tesseractCode) {
        return TESSERACT_TO_ISO.getOrDefault(tesseractCode, tesseractCode);
    }

    /**
     * The traineddata name for a requested language: an ISO 639-1 code from the table ({@code ko} → {@code kor}),
     * or a Tesseract code given as is ({@code kor}, {@code chi_sim}); empty when it is neither.
     */
    public static Optional<String> tesseractCode(String language) {
        if (language == null) return Optional.empty();
        String code = language.strip();
        String mapped = ISO_TO_TESSERACT.get(code.toLowerCase(Locale.ROOT).replace('_', '-'));
        if (mapped != null) return Optional.of(mapped);
        // Tesseract's own names: lower-case ISO 639-2/3 with optional _suffixes (chi_sim_vert, deu_latf)
        if (code.matches("[a-z]{3}(_[a-z]+)*")) return Optional.of(code);
        return Optional.empty();
    }

    /** The Debian (and Ubuntu) package that ships {@code <code>.traineddata}. */
    public static String debianPackage(String tesseractCode) {
        return "tesseract-ocr-" + tesseractCode.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The command that installs a traineddata on Debian or Ubuntu. */
    public static String installCommand(String tesseractCode) {
        return "sudo apt-get install -y " + debianPackage(tesseractCode);
    }
}
