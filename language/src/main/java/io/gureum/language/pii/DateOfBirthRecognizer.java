package io.gureum.language.pii;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates that are, or could be, a date of birth: a real calendar date from 1900 to today, written as
 * {@code 1990-01-15}, {@code 1990/1/15}, {@code 1990.01.15}, {@code 1990. 1. 15}, {@code 1990년 1월 15일},
 * {@code 15/01/1990} or {@code 01/15/1990} (either order, when it makes a date), {@code January 15, 1990},
 * {@code Jan. 15th 1990} or {@code 15 January 1990}. With "born", "birth", "birthday", "DOB", "date of birth",
 * "생년월일", "생일", "출생" or "태어" within 40 characters before or 15 after, or "생" right after
 * ({@code 1990년 1월 15일생}), confidence {@value #WITH_CONTEXT}; any other such date {@value #BARE}, since most dates
 * in text are not birthdays. Future dates are never one.
 */
final class DateOfBirthRecognizer implements PiiRecognizer {
    static final double WITH_CONTEXT = 0.85;
    static final double BARE = 0.3;

    private static final String YEAR = "(?<year>(?:19|20)\\d{2})";
    private static final String MONTH_NAME = "(?<monthName>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final String DAY = "(?<day>\\d{1,2})(?:st|nd|rd|th)?";

    /** How a form names the month: by number, by number in an unknown order with the day, or by name. */
    private enum Month { NUMBER, NUMBER_EITHER_ORDER, NAME }

    private record Form(Pattern pattern, Month month) {
        Form(String regex, Month month) {
            this(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), month);
        }
    }

    private static final List<Form> FORMS = List.of(
            new Form("(?<![0-9])" + YEAR + "(?<sep>[-/]|\\. ?)(?<month>\\d{1,2})\\k<sep>(?<day>\\d{1,2})(?![0-9])", Month.NUMBER),
            new Form("(?<![0-9])" + YEAR + " ?년 ?(?<month>\\d{1,2}) ?월 ?(?<day>\\d{1,2}) ?일", Month.NUMBER),
            new Form("(?<![0-9])(?<a>\\d{1,2})(?<sep>[-/.])(?<b>\\d{1,2})\\k<sep>" + YEAR + "(?![0-9])", Month.NUMBER_EITHER_ORDER),
            new Form("(?<![A-Za-z])" + MONTH_NAME + "\\.? " + DAY + ",? " + YEAR + "(?![0-9])", Month.NAME),
            new Form("(?<![0-9])" + DAY + " " + MONTH_NAME + "\\.?,? " + YEAR + "(?![0-9])", Month.NAME));

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private static final ContextWords CONTEXT = new ContextWords(
            "born|birth|birthday|birthdate|dob|d\\.o\\.b\\.?|date of birth", "생년월일|생일|출생|태어", 40, 15);

    @Override
    public PiiCategory category() { return PiiCategory.DATE_OF_BIRTH; }

    @Override
    public void find(String text, List<PiiEntity> found) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC).plusDays(1);   // the day may already have begun somewhere
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(text);
            while (m.find()) {
                if (!isDate(m, form.month(), today)) continue;
                boolean context = CONTEXT.near(text, m.start(), m.end()) || text.startsWith("생", m.end())
                        || text.startsWith(" 생", m.end());
                found.add(new PiiEntity(PiiCategory.DATE_OF_BIRTH, m.group(), m.start(), m.group().length(),
                        context ? WITH_CONTEXT : BARE));
            }
        }
    }

    private static boolean isDate(Matcher m, Month month, LocalDate today) {
        int year = number(m, "year");
        return switch (month) {
            case NUMBER -> valid(year, number(m, "month"), number(m, "day"), today);
            case NUMBER_EITHER_ORDER -> valid(year, number(m, "b"), number(m, "a"), today) || valid(year, number(m, "a"), number(m, "b"), today);
            case NAME -> valid(year, month(m.group("monthName")), number(m, "day"), today);
        };
    }

    private static int number(Matcher m, String group) {
        return Integer.parseInt(m.group(group));
    }

    private static int month(String name) {
        return MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
    }

    private static boolean valid(int year, int month, int day, LocalDate today) {
        try {
            LocalDate date = LocalDate.of(year, month, day);
            return date.getYear() >= 1900 && !date.isAfter(today);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
