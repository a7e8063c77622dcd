package io.gureum.automl.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The date and time formats a DATETIME column may hold: ISO-8601 dates and date-times, with '-' or '/' in the date. */
public final class Datetimes {
    private Datetimes() {}

    /** Seconds since 1970-01-01T00:00Z (local times read as UTC), or NaN when the text is no date. */
    public static double epochSeconds(String s) {
        if (s == null || s.length() < 8 || s.length() > 35 || !Character.isDigit(s.charAt(0))) return Double.NaN;
        String t = s.replace('/', '-');
        if (t.length() < 10 || t.charAt(4) != '-') return Double.NaN;
        try {
            if (t.length() == 10) return LocalDate.parse(t).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            String iso = t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
            try {
                return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return OffsetDateTime.parse(iso.endsWith("Z") ? iso : iso).toEpochSecond();
            }
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return Double.NaN;
        }
    }
}
