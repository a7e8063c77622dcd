package io.gureum.chatbot.entities;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sys.date}, {@code sys.time} and {@code sys.datetime} in English and Korean, resolved against the context's
 * reference time and zone. The rules chosen where people disagree:
 * <ul>
 *   <li>Weeks start on Monday. "this Friday" / 이번 주 금요일 is the Friday of the current week; "next Friday" /
 *       다음 주 금요일 the Friday of the following week (on Thursday 2026-11-26 both mean 2026-12-04, not the day after
 *       tomorrow), as Google Assistant and Siri read it; a bare "Friday" / 금요일 is the first one after today.
 *   <li>"this weekend" / 주말 is the Saturday of the current week (today if it is Sunday); "next weekend" the next.
 *   <li>A date without a year that has passed this year is next year's ("March 5" in November is next March).
 *   <li>{@code 5/3} follows the locale ({@link ExtractionContext}); 오전/am and 오후/pm set the half of the day;
 *       저녁 and 밤 mean evening (밤 12시 is midnight), 아침 and 새벽 morning, 낮 midday. A bare hour from 1 to 6
 *       is afternoon (people book "at 3" or 3시 for 15:00), 7-12 as said; "tonight" / 오늘 밤 makes 1-11 evening.
 *   <li>A date next to a time ("tomorrow at 7pm", "7pm on Friday", 내일 오후 3시) is one {@code sys.datetime} when the
 *       bot asks for it, otherwise a date and a time. "in 2 hours" / 2시간 후 is a date-time (a time of day when the
 *       bot asks for times only); "in 3 days" / 3일 후 a date.
 * </ul>
 * Values are ISO: {@code 2026-11-27}, {@code 15:00}, {@code 2026-11-27T15:00}, local to the context's zone.
 */
final class DateTimeRecognizer {
    static final double CONFIDENCE = 0.9;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static final String MONTHS = "(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug"
            + "|september|sept|sep|october|oct|november|nov|december|dec)";
    private static final String WEEKDAYS = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private static final String EN_SMALL = "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";

    private static final Pattern EN_RELATIVE_DAY = Pattern.compile(
            "(?i)\\b(?:(?:the\\s+)?(day\\s+after\\s+tomorrow)|(today|tonight|tomorrow|tmrw|yesterday))\\b");
    private static final Pattern EN_WEEKDAY = Pattern.compile("(?i)\\b(?:(next|this|coming)\\s+)?" + WEEKDAYS + "\\b");
    private static final Pattern EN_WEEKEND = Pattern.compile("(?i)\\b(this|next)\\s+weekend\\b");
    private static final Pattern EN_MONTH_DAY = Pattern.compile(
            "(?i)\\b" + MONTHS + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?");
    private static final Pattern EN_DAY_MONTH = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTHS + "\\b(?:,?\\s+(\\d{4})\\b)?");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(?<![\\d/.-])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?(?![\\d/])");
    private static final Pattern ISO_DATE = Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])");
    private static final Pattern KO_RELATIVE_DAY = Pattern.compile("(?<![가-힣])(오늘\\s?밤|오늘|내일\\s?모레|내일|모레|글피|어제)");
    private static final Pattern KO_WEEKDAY = Pattern.compile(
            "(?<![가-힣])(?:(다다음\\s?주|다음\\s?주|담주|이번\\s?주|금주|지난\\s?주|저번\\s?주)\\s?)?([월화수목금토일])요일");
    private static final Pattern KO_WEEKEND = Pattern.compile("(?<![가-힣])(이번\\s?|다음\\s?)?주말");
    private static final Pattern KO_MONTH_DAY = Pattern.compile("(?<!\\d)(?:(\\d{4})\\s?년\\s?)?(\\d{1,2})\\s?월\\s?(\\d{1,2})\\s?일");

    private static final Pattern EN_MERIDIEM = Pattern.compile(
            "(?i)(?<![\\d:])(\\d{1,2})(?::(\\d{2}))?\\s*([ap])\\.?m\\b\\.?");
    private static final Pattern CLOCK = Pattern.compile("(?<![\\d:.])(\\d{1,2}):(\\d{2})(?![\\d:])");
    private static final Pattern EN_AT = Pattern.compile("(?i)\\bat\\s+" + EN_SMALL + "(\\s+o'?clock)?\\b(?!\\s*[:/])");
    private static final Pattern EN_OCLOCK = Pattern.compile("(?i)\\b" + EN_SMALL + "\\s+o'?clock\\b");
    private static final Pattern EN_NAMED = Pattern.compile("(?i)\\b(noon|midday|midnight)\\b");
    private static final Pattern KO_TIME = Pattern.compile("(?:(?<![가-힣])(오전|오후|아침|낮|저녁|밤|새벽)\\s?|(?<![\\d가-힣]))(\\d{1,2}|"
            + NumberWords.KOREAN_NATIVE + ")\\s?시(?!간)(?:\\s?(\\d{1,2})\\s?분|\\s?(반))?");
    private static final Pattern KO_NAMED = Pattern.compile("(정오|자정)");

    private static final Pattern EN_IN = Pattern.compile(
            "(?i)\\bin\\s+(\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty)\\s+(hours?|hrs?|minutes?|mins?|days?|weeks?)\\b");
    private static final Pattern KO_AFTER = Pattern.compile(
            "(?<![\\d가-힣])(\\d+|" + NumberWords.KOREAN_NATIVE + ")\\s?(시간|분|일|주)\\s?(후|뒤|있다가)");

    private static final Pattern DATE_THEN_TIME = Pattern.compile("(?i)\\s*(?:,|at|@|에)?\\s*");
    private static final Pattern TIME_THEN_DATE = Pattern.compile("(?i)\\s*(?:,|on)?\\s*");

    private enum Half { AM, PM, EVENING, NIGHT, MIDDAY, NONE }

    private record DatePart(int start, int end, LocalDate date, boolean evening) {}

    private record TimePart(int start, int end, int hour, int minute, Half half) {
        /** The time of day, or null for an hour or minute out of range. */
        LocalTime resolve(boolean evening) {
            if (minute > 59 || hour > 23) return null;
            int h = hour;
            if (hour <= 12) {
                h = switch (half) {
                    case AM -> hour == 12 ? 0 : hour;
                    case PM -> hour == 12 ? 12 : hour + 12;
                    case EVENING -> hour == 12 ? 0 : hour < 4 ? hour : hour + 12;
                    case NIGHT -> hour == 12 ? 0 : hour < 6 ? hour : hour + 12;
                    case MIDDAY -> hour <= 6 ? hour + 12 : hour;
                    case NONE -> evening ? (hour == 12 || hour == 0 ? hour : hour + 12) : hour >= 1 && hour <= 6 ? hour + 12 : hour;
                };
            }
            return LocalTime.of(h, minute);
        }
    }

    private record Relative(int start, int end, LocalDateTime at, boolean dateOnly) {}

    void find(String text, ExtractionContext context, Set<SystemEntity> wanted, List<Candidate> found) {
        List<DatePart> dates = dates(text, context);
        List<TimePart> times = times(text);
        if (wanted.contains(SystemEntity.DATE)) {
            for (DatePart d : dates) add(found, SystemEntity.DATE, d.start(), d.end(), d.date().toString());
        }
        if (wanted.contains(SystemEntity.TIME)) {
            for (TimePart t : times) {
                LocalTime time = t.resolve(false);
                if (time != null) add(found, SystemEntity.TIME, t.start(), t.end(), time.format(TIME));
            }
        }
        if (wanted.contains(SystemEntity.DATETIME)) {
            for (DatePart d : dates) {
                for (TimePart t : times) {
                    boolean dateFirst = t.start() >= d.end() && DATE_THEN_TIME.matcher(text.substring(d.end(), t.start())).matches();
                    boolean timeFirst = d.start() >= t.end() && TIME_THEN_DATE.matcher(text.substring(t.end(), d.start())).matches();
                    // "오늘 밤" is a date and "밤 9시" a time: together, 오늘 밤 9시
                    boolean sharing = t.start() > d.start() && t.start() < d.end() && t.end() > d.end();
                    LocalTime time = t.resolve(d.evening());
                    if ((dateFirst || timeFirst || sharing) && time != null) {
                        add(found, SystemEntity.DATETIME, Math.min(d.start(), t.start()), Math.max(d.end(), t.end()),
                                LocalDateTime.of(d.date(), time).format(DATETIME));
                    }
                }
            }
        }
        for (Relative r : relatives(text, context)) {
            if (r.dateOnly()) {
                if (wanted.contains(SystemEntity.DATE)) add(found, SystemEntity.DATE, r.start(), r.end(), r.at().toLocalDate().toString());
            } else if (wanted.contains(SystemEntity.DATETIME)) {
                add(found, SystemEntity.DATETIME, r.start(), r.end(), r.at().format(DATETIME));
            } else if (wanted.contains(SystemEntity.TIME)) {
                add(found, SystemEntity.TIME, r.start(), r.end(), r.at().format(TIME));
            }
        }
    }

    private static void add(List<Candidate> found, SystemEntity type, int start, int end, String value) {
        found.add(new Candidate(type.wireName(), start, end, value, CONFIDENCE, EntityRanks.rank(type)));
    }

    private static List<DatePart> dates(String text, ExtractionContext context) {
        LocalDate today = context.today();
        List<DatePart> dates = new ArrayList<>();
        Matcher m = EN_RELATIVE_DAY.matcher(text);
        while (m.find()) {
            String word = m.group(2) == null ? "after" : m.group(2).toLowerCase(Locale.ROOT);
            int days = switch (word) {
                case "after" -> 2;
                case "tomorrow", "tmrw" -> 1;
                case "yesterday" -> -1;
                default -> 0;
            };
            dates.add(new DatePart(m.start(), m.end(), today.plusDays(days), word.equals("tonight")));
        }
        m = KO_RELATIVE_DAY.matcher(text);
        while (m.find()) {
            String word = m.group(1).replace(" ", "");
            int days = switch (word) {
                case "내일" -> 1;
                case "모레", "내일모레" -> 2;
                case "글피" -> 3;
                case "어제" -> -1;
                default -> 0;
            };
            dates.add(new DatePart(m.start(), m.end(), today.plusDays(days), word.equals("오늘밤")));
        }
        m = EN_WEEKDAY.matcher(text);
        while (m.find()) {
            DayOfWeek day = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            String which = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
            dates.add(new DatePart(m.start(), m.end(), weekday(today, day, switch (which) {
                case "this" -> 0;
                case "next" -> 1;
                default -> Integer.MIN_VALUE;
            }), false));
        }
        m = KO_WEEKDAY.matcher(text);
        while (m.find()) {
            DayOfWeek day = DayOfWeek.of("월화수목금토일".indexOf(m.group(2)) + 1);
            String which = m.group(1) == null ? "" : m.group(1).replace(" ", "");
            dates.add(new DatePart(m.start(), m.end(), weekday(today, day, switch (which) {
                case "이번주", "금주" -> 0;
                case "다음주", "담주" -> 1;
                case "다다음주" -> 2;
                case "지난주", "저번주" -> -1;
                default -> Integer.MIN_VALUE;
            }), false));
        }
        m = EN_WEEKEND.matcher(text);
        while (m.find()) dates.add(new DatePart(m.start(), m.end(), weekend(today, m.group(1).equalsIgnoreCase("next")), false));
        m = KO_WEEKEND.matcher(text);
        while (m.find()) dates.add(new DatePart(m.start(), m.end(), weekend(today, m.group(1) != null && m.group(1).startsWith("다음")), false));
        m = EN_MONTH_DAY.matcher(text);
        while (m.find()) addDate(dates, m, today, m.group(3), month(m.group(1)), m.group(2));
        m = EN_DAY_MONTH.matcher(text);
        while (m.find()) addDate(dates, m, today, m.group(3), month(m.group(2)), m.group(1));
        m = KO_MONTH_DAY.matcher(text);
        while (m.find()) addDate(dates, m, today, m.group(1), Integer.parseInt(m.group(2)), m.group(3));
        m = ISO_DATE.matcher(text);
        while (m.find()) addDate(dates, m, today, m.group(1), Integer.parseInt(m.group(2)), m.group(3));
        m = NUMERIC_DATE.matcher(text);
        while (m.find()) {
            boolean monthFirst = context.monthFirst();
            addDate(dates, m, today, m.group(3), Integer.parseInt(m.group(monthFirst ? 1 : 2)), m.group(monthFirst ? 2 : 1));
        }
        return dates;
    }

    /** The given day of the week {@code weeks} after the current (Monday-based) one; MIN_VALUE: the first after today. */
    private static LocalDate weekday(LocalDate today, DayOfWeek day, int weeks) {
        if (weeks == Integer.MIN_VALUE) return today.with(TemporalAdjusters.next(day));
        return today.with(DayOfWeek.MONDAY).plusWeeks(weeks).plusDays(day.getValue() - 1L);
    }

    private static LocalDate weekend(LocalDate today, boolean next) {
        LocalDate saturday = today.with(DayOfWeek.SATURDAY);
        if (today.getDayOfWeek() == DayOfWeek.SUNDAY) saturday = today;
        return next ? today.with(DayOfWeek.SATURDAY).plusWeeks(1) : saturday;
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(prefix) + 1;
    }

    /** A calendar date if valid; with no year, this year's, or next year's once this year's has passed. */
    private static void addDate(List<DatePart> dates, Matcher m, LocalDate today, String year, int month, String day) {
        int d = Integer.parseInt(day);
        if (month < 1 || month > 12 || d < 1 || d > 31) return;
        int y = year == null ? today.getYear() : Integer.parseInt(year);
        LocalDate date;
        try {
            date = LocalDate.of(y, month, d);
            if (year == null && date.isBefore(today)) date = LocalDate.of(y + 1, month, d);
        } catch (java.time.DateTimeException e) {
            return;   // 2월 30일
        }
        dates.add(new DatePart(m.start(), m.end(), date, false));
    }

    private static List<TimePart> times(String text) {
        List<TimePart> times = new ArrayList<>();
        Matcher m = EN_MERIDIEM.matcher(text);
        while (m.find()) {
            times.add(new TimePart(m.start(), m.end(), Integer.parseInt(m.group(1)), minutes(m.group(2)),
                    m.group(3).equalsIgnoreCase("a") ? Half.AM : Half.PM));
        }
        m = CLOCK.matcher(text);
        while (m.find()) times.add(new TimePart(m.start(), m.end(), Integer.parseInt(m.group(1)), minutes(m.group(2)), Half.NONE));
        m = EN_AT.matcher(text);
        while (m.find()) times.add(new TimePart(m.start(1), m.end(), englishHour(m.group(1)), 0, Half.NONE));
        m = EN_OCLOCK.matcher(text);
        while (m.find()) times.add(new TimePart(m.start(), m.end(), englishHour(m.group(1)), 0, Half.NONE));
        m = EN_NAMED.matcher(text);
        while (m.find()) {
            boolean midnight = m.group(1).equalsIgnoreCase("midnight");
            times.add(new TimePart(m.start(), m.end(), midnight ? 0 : 12, 0, Half.NONE));
        }
        m = KO_TIME.matcher(text);
        while (m.find()) {
            if (!KoreanParticles.wordEndsAt(text, m.end())) continue;
            String hour = m.group(2);
            int h = Character.isDigit(hour.charAt(0)) ? Integer.parseInt(hour) : NumberWords.koreanNative(hour);
            int minute = m.group(4) != null ? 30 : minutes(m.group(3));
            times.add(new TimePart(m.start(), m.end(), h, minute, half(m.group(1))));
        }
        m = KO_NAMED.matcher(text);
        while (m.find()) times.add(new TimePart(m.start(), m.end(), m.group(1).equals("자정") ? 0 : 12, 0, Half.NONE));
        return times;
    }

    private static Half half(String word) {
        if (word == null) return Half.NONE;
        return switch (word) {
            case "오전", "아침", "새벽" -> Half.AM;
            case "오후" -> Half.PM;
            case "저녁" -> Half.EVENING;
            case "밤" -> Half.NIGHT;
            default -> Half.MIDDAY;
        };
    }

    private static int minutes(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static int englishHour(String word) {
        if (Character.isDigit(word.charAt(0))) return Integer.parseInt(word);
        return NumberWords.ENGLISH_SMALL.get(word.toLowerCase(Locale.ROOT));
    }

    private static List<Relative> relatives(String text, ExtractionContext context) {
        LocalDateTime now = context.now().toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
        List<Relative> relatives = new ArrayList<>();
        Matcher m = EN_IN.matcher(text);
        while (m.find()) {
            String n = m.group(1).toLowerCase(Locale.ROOT);
            int amount = Character.isDigit(n.charAt(0)) ? Integer.parseInt(n)
                    : n.startsWith("a") ? 1 : NumberWords.ENGLISH_SMALL.getOrDefault(n, NumberWords.ENGLISH_TENS.getOrDefault(n, 0));
            char unit = m.group(2).toLowerCase(Locale.ROOT).charAt(0);
            addRelative(relatives, m, now, amount, unit == 'h' ? ChronoUnit.HOURS : unit == 'm' ? ChronoUnit.MINUTES
                    : unit == 'd' ? ChronoUnit.DAYS : ChronoUnit.WEEKS);
        }
        m = KO_AFTER.matcher(text);
        while (m.find()) {
            String n = m.group(1);
            int amount = Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : NumberWords.koreanNative(n);
            addRelative(relatives, m, now, amount, switch (m.group(2)) {
                case "시간" -> ChronoUnit.HOURS;
                case "분" -> ChronoUnit.MINUTES;
                case "일" -> ChronoUnit.DAYS;
                default -> ChronoUnit.WEEKS;
            });
        }
        return relatives;
    }

    private static void addRelative(List<Relative> relatives, Matcher m, LocalDateTime now, int amount, ChronoUnit unit) {
        boolean dateOnly = unit == ChronoUnit.DAYS || unit == ChronoUnit.WEEKS;
        relatives.add(new Relative(m.start(), m.end(), now.plus(amount, unit), dateOnly));
    }
}
