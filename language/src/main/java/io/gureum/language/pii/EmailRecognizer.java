package io.gureum.language.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses: a local part of letters, digits and {@code . _ % + -} (no leading, trailing or doubled dot), then
 * {@code @} and a domain of up to eleven dot-separated labels ending in a top-level domain of two or more letters, so
 * {@code root@localhost} is not one. Confidence {@value #CONFIDENCE}. (The label count is bounded because Java's regex
 * engine recurses once per repetition of a group: an unbounded one overflows the stack on a long run of "a.a.a.")
 */
final class EmailRecognizer implements PiiRecognizer {
    static final double CONFIDENCE = 0.9;
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9_%+-](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,10}[A-Za-z]{2,63}(?![A-Za-z0-9-]|\\.[A-Za-z0-9])");

    @Override
    public PiiCategory category() { return PiiCategory.EMAIL; }

    @Override
    public void find(String text, List<PiiEntity> found) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            String email = m.group();
            if (email.substring(0, email.indexOf('@')).contains("..")) continue;
            found.add(new PiiEntity(PiiCategory.EMAIL, email, m.start(), email.length(), CONFIDENCE));
        }
    }
}
