package io.gureum.language.translation;

import io.gureum.core.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stable error codes of translation, as {@link Problem}s the server renders as problem+json. */
public final class TranslationProblems {
    public static final String EMPTY_TEXT = "empty_text";
    public static final String TEXT_TOO_LONG = "text_too_long";
    public static final String UNSUPPORTED_LANGUAGE_PAIR = "unsupported_language_pair";
    public static final String ENGINE_NOT_INSTALLED = "engine_not_installed";
    public static final String ENGINE_TIMEOUT = "engine_timeout";
    public static final String ENGINE_FAILED = "engine_failed";

    private static final String HOW_TO_LIST = "GET /v1/language/translate/languages lists the installed pairs.";

    private TranslationProblems() {}

    static Problem emptyText(int index) {
        return new Problem(400, EMPTY_TEXT, "Empty text",
                "texts[" + index + "] is empty or blank: there is nothing to translate.", Map.of("index", index));
    }

    static Problem tooManyTexts(int count, int limit) {
        return Problem.tooLarge(count + " texts in one request; at most " + limit + " are allowed (split the batch).");
    }

    static Problem textTooLong(int index, int length, int limit) {
        return new Problem(413, TEXT_TOO_LONG, "Text too long",
                "texts[" + index + "] has " + length + " characters; at most " + limit + " are allowed per text"
                        + " (split it, e.g. by paragraph).",
                Map.of("index", index, "length", length, "limit", limit));
    }

    static Problem textsTooLong(long length, int limit) {
        return new Problem(413, TEXT_TOO_LONG, "Text too long",
                "The texts have " + length + " characters together; at most " + limit + " are allowed in one request"
                        + " (split the batch).",
                Map.of("length", length, "limit", limit));
    }

    /**
     * 422: no installed pair translates {@code from} to {@code to}.
     *
     * @param why       what the request asked, e.g. "texts[2] was detected as French (fr)"; null for the plain case
     * @param installed the installed directions, as "from→to"
     * @param debianPackage the package that has data for these languages, if one is known
     */
    static Problem unsupportedPair(String from, String to, String why, List<String> installed,
                                   Optional<String> debianPackage) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("from", from);
        ext.put("to", to);
        ext.put("installed", installed);
        StringBuilder detail = new StringBuilder();
        if (why != null) detail.append(why).append("; ");
        detail.append("no installed language pair translates '").append(from).append("' to '").append(to).append("'. ");
        detail.append(installed.isEmpty() ? "No pair is installed. " : "Installed: " + String.join(", ", installed) + ". ");
        debianPackage.ifPresent(p -> {
            String command = "sudo apt-get install -y " + p;
            ext.put("package", p);
            ext.put("installCommand", command);
            detail.append("The Debian package ").append(p).append(" has data for these languages (most packages"
                    + " translate both ways): ").append(command).append(". ");
        });
        detail.append(HOW_TO_LIST);
        return new Problem(422, UNSUPPORTED_LANGUAGE_PAIR, "Unsupported language pair", detail.toString(), ext);
    }

    static Problem engineNotInstalled(String engine, String installCommand) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("engine", engine);
        ext.put("installCommand", installCommand);
        return new Problem(503, ENGINE_NOT_INSTALLED, "Engine not installed",
                "The translation engine '" + engine + "' is not installed on this server. Install it with: "
                        + installCommand + " (the server finds it without a restart).", ext);
    }

    /** 503: a text took longer than the engine allows; the pipeline that had it was replaced. */
    public static Problem engineTimeout(String pair, long seconds) {
        return new Problem(503, ENGINE_TIMEOUT, "Translation timed out",
                "The " + pair + " engine did not translate a text within " + seconds + " s (or was busy with others"
                        + " that long); try again, or send shorter texts.", Map.of("pair", pair));
    }

    /** 503: the engine broke on a text (twice, on fresh pipelines). */
    public static Problem engineFailed(String pair, String what) {
        return new Problem(503, ENGINE_FAILED, "Translation engine failed",
                "The " + pair + " engine failed: " + what, Map.of("pair", pair));
    }
}
