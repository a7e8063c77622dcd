package io.gureum.language.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that make a candidate more likely what it looks like ("DOB", "생년월일" near a date), searched in a window
 * around it. English words must stand alone ("dob" is not found in "adobe"); Korean ones may be joined to others
 * ("생년월일은", "전화번호:"), as Korean particles attach to the word.
 */
final class ContextWords {
    private final Pattern pattern;
    private final int before;
    private final int after;

    /**
     * @param english English words or phrases, matched case-insensitively as whole words (regex syntax allowed)
     * @param korean  Korean words, matched anywhere
     * @param before  how many UTF-16 units before the candidate to search, and {@code after} after it
     */
    ContextWords(String english, String korean, int before, int after) {
        this.pattern = Pattern.compile("(?i)(?<![a-z])(?:" + english + ")(?![a-z])|" + korean);
        this.before = before;
        this.after = after;
    }

    boolean near(String text, int start, int end) {
        Matcher m = pattern.matcher(text);
        m.region(Math.max(0, start - before), Math.min(text.length(), end + after));
        m.useTransparentBounds(true);   // "dob" at the window's edge must still see the "a" of "adobe"
        while (m.find()) {
            if (m.end() <= start || m.start() >= end) return true;   // outside the candidate itself
        }
        return false;
    }
}
